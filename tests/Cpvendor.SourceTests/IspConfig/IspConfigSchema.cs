namespace Cpvendor.SourceTests.IspConfig;

public enum IspConfigVersion
{
    /// <summary>3.0.5 (updates up to upd_0078): has 3.1's PHP column but not 3.1's first additions; refused.</summary>
    V30,

    /// <summary>3.1.0 (up to upd_0084): a website names its PHP version in web_domain.fastcgi_php_version; server_php has no active column yet.</summary>
    V31,

    /// <summary>3.1.15 (up to upd_0088): as 3.1.0, and server_php.active (upd_0086).</summary>
    V31Late,

    /// <summary>3.2.x (up to upd_0093): a website points at server_php by web_domain.server_php_id; fastcgi_php_version is gone (upd_0092).</summary>
    V32,
}

/// <summary>
/// The tables of ISPConfig 3's master database that the source reads, as each generation has them:
/// ISPConfig's own column names and types (install/sql/ispconfig3.sql of each release and the
/// incremental updates that changed them: upd_0079 directive_snippets_id, upd_0086 server_php.active,
/// upd_0089/upd_0091 server_php_id, upd_0092 the end of fastcgi_php_version and
/// php_fpm_socket_dir), with some of the columns around them that the source does not read.
/// </summary>
public static class IspConfigSchema
{
    public static IEnumerable<string> Tables(IspConfigVersion version) =>
    [
        """
        CREATE TABLE `server` (
          `server_id` int(11) unsigned NOT NULL auto_increment,
          `sys_userid` int(11) unsigned NOT NULL default '0',
          `sys_groupid` int(11) unsigned NOT NULL default '0',
          `server_name` varchar(255) NOT NULL default '',
          `mail_server` tinyint(1) NOT NULL default '0',
          `web_server` tinyint(1) NOT NULL default '0',
          `dns_server` tinyint(1) NOT NULL default '0',
          `db_server` tinyint(1) NOT NULL default '0',
          `mirror_server_id` int(11) unsigned NOT NULL default '0',
          `active` tinyint(1) NOT NULL default '1',
          PRIMARY KEY (`server_id`)
        ) DEFAULT CHARSET=utf8
        """,
        """
        CREATE TABLE `sys_user` (
          `userid` int(11) unsigned NOT NULL auto_increment,
          `sys_userid` int(11) unsigned NOT NULL default '1',
          `sys_groupid` int(11) unsigned NOT NULL default '1',
          `username` varchar(64) NOT NULL default '',
          `passwort` varchar(200) NOT NULL default '',
          `typ` varchar(16) NOT NULL default 'user',
          `active` tinyint(1) NOT NULL default '1',
          `language` varchar(2) NOT NULL default 'en',
          `groups` TEXT,
          `default_group` int(11) unsigned NOT NULL default '0',
          `client_id` int(11) unsigned NOT NULL default '0',
          PRIMARY KEY (`userid`)
        ) DEFAULT CHARSET=utf8
        """,
        """
        CREATE TABLE `sys_group` (
          `groupid` int(11) unsigned NOT NULL auto_increment,
          `name` varchar(64) NOT NULL default '',
          `description` text,
          `client_id` int(11) unsigned NOT NULL default '0',
          PRIMARY KEY (`groupid`)
        ) DEFAULT CHARSET=utf8
        """,
        """
        CREATE TABLE `client` (
          `client_id` int(11) unsigned NOT NULL AUTO_INCREMENT,
          `sys_userid` int(11) unsigned NOT NULL DEFAULT '0',
          `sys_groupid` int(11) unsigned NOT NULL DEFAULT '0',
          `company_name` varchar(64) DEFAULT NULL,
          `contact_name` varchar(64) DEFAULT NULL,
          `email` varchar(255) DEFAULT NULL,
          `limit_web_domain` int(11) NOT NULL DEFAULT '-1',
          `limit_client` int(11) NOT NULL DEFAULT '0',
          `parent_client_id` int(11) unsigned NOT NULL DEFAULT '0',
          `username` varchar(64) DEFAULT NULL,
          `password` varchar(200) DEFAULT NULL,
          `language` char(2) NOT NULL DEFAULT 'en',
          `usertheme` varchar(32) NOT NULL DEFAULT 'default',
          `template_master` int(11) unsigned NOT NULL DEFAULT '0',
          `template_additional` text,
          `locked` enum('n','y') NOT NULL DEFAULT 'n',
          `canceled` enum('n','y') NOT NULL DEFAULT 'n',
          PRIMARY KEY (`client_id`)
        ) DEFAULT CHARSET=utf8
        """,
        """
        CREATE TABLE `client_template` (
          `template_id` int(11) unsigned NOT NULL auto_increment,
          `sys_userid` int(11) unsigned NOT NULL default '0',
          `sys_groupid` int(11) unsigned NOT NULL default '0',
          `template_name` varchar(64) NOT NULL DEFAULT '',
          `template_type` varchar(1) NOT NULL default 'm',
          `limit_web_domain` int(11) NOT NULL default '-1',
          PRIMARY KEY (`template_id`)
        ) DEFAULT CHARSET=utf8
        """,
        $"""
        CREATE TABLE `server_php` (
          `server_php_id` int(11) unsigned NOT NULL AUTO_INCREMENT,
          `sys_userid` int(11) unsigned NOT NULL DEFAULT '0',
          `sys_groupid` int(11) unsigned NOT NULL DEFAULT '0',
          `server_id` int(11) unsigned NOT NULL DEFAULT '0',
          `client_id` int(11) unsigned NOT NULL DEFAULT '0',
          `name` varchar(255) DEFAULT NULL,
          `php_fastcgi_binary` varchar(255) DEFAULT NULL,
          `php_fastcgi_ini_dir` varchar(255) DEFAULT NULL,
          `php_fpm_init_script` varchar(255) DEFAULT NULL,
          `php_fpm_ini_dir` varchar(255) DEFAULT NULL,
          `php_fpm_pool_dir` varchar(255) DEFAULT NULL,
          {(version >= IspConfigVersion.V32 ? "`php_fpm_socket_dir` varchar(255) DEFAULT NULL," : "")}
          {(version >= IspConfigVersion.V31Late ? "`active` enum('y','n') NOT NULL DEFAULT 'y'," : "")}
          PRIMARY KEY (`server_php_id`)
        ) DEFAULT CHARSET=utf8
        """,
        $"""
        CREATE TABLE `web_domain` (
          `domain_id` int(11) unsigned NOT NULL auto_increment,
          `sys_userid` int(11) unsigned NOT NULL default '0',
          `sys_groupid` int(11) unsigned NOT NULL default '0',
          `server_id` int(11) unsigned NOT NULL default '0',
          `ip_address` varchar(39) default NULL,
          `domain` varchar(255) default NULL,
          `type` varchar(32) default NULL,
          `parent_domain_id` int(11) unsigned NOT NULL default '0',
          `vhost_type` varchar(32) default NULL,
          `document_root` varchar(255) default NULL,
          `web_folder` varchar(100) default NULL,
          `system_user` varchar(255) default NULL,
          `system_group` varchar(255) default NULL,
          `subdomain` enum('none','www','*') NOT NULL default 'none',
          `php` varchar(32) NOT NULL default 'y',
          `pm` enum('static','dynamic','ondemand') NOT NULL DEFAULT 'ondemand',
          `custom_php_ini` mediumtext,
          `active` enum('n','y') NOT NULL default 'y',
          {(version < IspConfigVersion.V32 ? "`fastcgi_php_version` varchar(255) DEFAULT NULL," : "")}
          `added_date` date DEFAULT NULL,
          {(version >= IspConfigVersion.V31 ? "`directive_snippets_id` int(11) unsigned NOT NULL default '0'," : "")}
          {(version >= IspConfigVersion.V31 ? "`enable_pagespeed` ENUM('y','n') NOT NULL DEFAULT 'n'," : "")}
          {(version >= IspConfigVersion.V31Late ? "`log_retention` int(11) NOT NULL DEFAULT '10'," : "")}
          {(version >= IspConfigVersion.V32 ? "`server_php_id` INT(11) UNSIGNED NOT NULL DEFAULT 0," : "")}
          {(version >= IspConfigVersion.V32 ? "`jailkit_chroot_app_sections` mediumtext NULL DEFAULT NULL," : "")}
          PRIMARY KEY (`domain_id`),
          UNIQUE KEY `serverdomain` (`server_id`, `ip_address`, `domain`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8
        """,
        """
        CREATE TABLE `web_database_user` (
          `database_user_id` int(11) unsigned NOT NULL AUTO_INCREMENT,
          `sys_userid` int(11) unsigned NOT NULL DEFAULT '0',
          `sys_groupid` int(11) unsigned NOT NULL DEFAULT '0',
          `server_id` int(11) UNSIGNED NOT NULL DEFAULT '0',
          `database_user` varchar(64) DEFAULT NULL,
          `database_user_prefix` varchar(50) NOT NULL default '',
          `database_password` varchar(64) DEFAULT NULL,
          PRIMARY KEY (`database_user_id`)
        ) DEFAULT CHARSET=utf8
        """,
        """
        CREATE TABLE `web_database` (
          `database_id` int(11) unsigned NOT NULL AUTO_INCREMENT,
          `sys_userid` int(11) unsigned NOT NULL DEFAULT '0',
          `sys_groupid` int(11) unsigned NOT NULL DEFAULT '0',
          `server_id` int(11) unsigned NOT NULL DEFAULT '0',
          `parent_domain_id` int(11) unsigned NOT NULL DEFAULT '0',
          `type` varchar(16) NOT NULL DEFAULT 'y',
          `database_name` varchar(64) DEFAULT NULL,
          `database_user_id` int(11) unsigned DEFAULT NULL,
          `database_ro_user_id` int(11) unsigned DEFAULT NULL,
          `active` enum('n','y') NOT NULL DEFAULT 'y',
          PRIMARY KEY (`database_id`),
          KEY `database_user_id` (`database_user_id`),
          KEY `database_ro_user_id` (`database_ro_user_id`)
        ) DEFAULT CHARSET=utf8
        """,
        """
        CREATE TABLE `sys_datalog` (
          `datalog_id` int(11) unsigned NOT NULL auto_increment,
          `server_id` int(11) unsigned NOT NULL DEFAULT '0',
          `dbtable` varchar(255) NOT NULL default '',
          `dbidx` varchar(255) NOT NULL default '',
          `action` char(1) NOT NULL default '',
          `tstamp` int(11) NOT NULL default '0',
          `user` varchar(255) NOT NULL default '',
          `data` longtext,
          `status` set('pending','ok','warning','error') NOT NULL default 'ok',
          `error` mediumtext,
          `session_id` varchar(64) NOT NULL DEFAULT '',
          PRIMARY KEY (`datalog_id`),
          KEY `server_id` (`server_id`,`status`)
        ) DEFAULT CHARSET=utf8
        """,
    ];
}
