namespace Cpvendor.SourceTests.Panel;

/// <summary>
/// A plausible panel's own schema (the one docs/sources.md walks through) and the cpvendor_* views
/// over it, in portable SQL that MariaDB and PostgreSQL both accept.
/// </summary>
public static class PanelSchema
{
    public static readonly string[] Tables =
    [
        "CREATE TABLE panel_servers (id INT PRIMARY KEY, hostname VARCHAR(255) NOT NULL)",
        "CREATE TABLE panel_staff (id INT PRIMARY KEY, login VARCHAR(64) NOT NULL, system_user VARCHAR(32), email VARCHAR(255), lang VARCHAR(8), is_owner BOOLEAN NOT NULL)",
        "CREATE TABLE panel_resellers (id INT PRIMARY KEY, login VARCHAR(64) NOT NULL, lve_id BIGINT, email VARCHAR(255), lang VARCHAR(8))",
        "CREATE TABLE panel_plans (id INT PRIMARY KEY, title VARCHAR(64) NOT NULL, owner_login VARCHAR(64) NOT NULL)",
        "CREATE TABLE panel_accounts (id INT PRIMARY KEY, login VARCHAR(32) NOT NULL, uid BIGINT NOT NULL, owner_login VARCHAR(64) NOT NULL, plan_id INT, email VARCHAR(255), lang VARCHAR(8), home_dir VARCHAR(4096) NOT NULL, server_id INT)",
        "CREATE TABLE panel_sites (id INT PRIMARY KEY, account_id INT NOT NULL, fqdn VARCHAR(255) NOT NULL, docroot VARCHAR(4096) NOT NULL, is_primary BOOLEAN NOT NULL, php_code VARCHAR(32), php_handler VARCHAR(8))",
        "CREATE TABLE panel_db_logins (id INT PRIMARY KEY, account_id INT NOT NULL, login VARCHAR(80) NOT NULL)",
        "CREATE TABLE panel_php (code VARCHAR(32) PRIMARY KEY, version VARCHAR(8) NOT NULL, prefix VARCHAR(255) NOT NULL, modules_dir VARCHAR(255) NOT NULL, binary_path VARCHAR(255) NOT NULL, ini_file VARCHAR(255) NOT NULL, scan_dir VARCHAR(255), native BOOLEAN, fpm_unit VARCHAR(64))",
    ];

    public static readonly string[] Views =
    [
        """
        CREATE VIEW cpvendor_admins AS
        SELECT login AS name, system_user AS unix_user, lang AS locale_code, email, is_owner AS is_main FROM panel_staff
        """,
        """
        CREATE VIEW cpvendor_resellers AS
        SELECT login AS name, lve_id AS reseller_id, lang AS locale_code, email FROM panel_resellers
        """,
        "CREATE VIEW cpvendor_packages AS SELECT title AS name, owner_login AS owner FROM panel_plans",
        """
        CREATE VIEW cpvendor_users AS
        SELECT a.id AS account_id, a.uid, a.login AS username, a.owner_login AS owner,
               p.title AS package_name, p.owner_login AS package_owner, a.email, a.lang AS locale_code,
               a.home_dir AS home, s.hostname AS server
        FROM panel_accounts a
        LEFT JOIN panel_plans p ON p.id = a.plan_id
        LEFT JOIN panel_servers s ON s.id = a.server_id
        """,
        """
        CREATE VIEW cpvendor_domains AS
        SELECT d.id AS domain_id, d.fqdn AS name, a.login AS owner, d.docroot AS document_root,
               d.is_primary AS is_main, d.php_code AS php_version_id, d.php_handler AS handler, s.hostname AS server
        FROM panel_sites d
        JOIN panel_accounts a ON a.id = d.account_id
        LEFT JOIN panel_servers s ON s.id = a.server_id
        """,
        """
        CREATE VIEW cpvendor_db_users AS
        SELECT l.login AS db_user, a.login AS owner FROM panel_db_logins l JOIN panel_accounts a ON a.id = l.account_id
        """,
        """
        CREATE VIEW cpvendor_php AS
        SELECT code AS identifier, version, modules_dir, prefix AS dir, binary_path AS bin, ini_file AS ini,
               scan_dir AS ini_scan_dir, native AS is_native, fpm_unit AS fpm_service
        FROM panel_php
        """,
    ];
}
