namespace Cpvendor.Store.Schema;

/// <summary>
/// The store's schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many
/// have been applied. A migration is never edited once released: add a new one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<string> All =
    [
        // 1: the panel model.
        """
        CREATE TABLE panel (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            user_login_url TEXT,
            default_php TEXT,
            default_handler TEXT NOT NULL DEFAULT 'fpm' CHECK (default_handler IN ('fpm', 'cgi', 'lsapi')),
            allow_duplicate_uids INTEGER NOT NULL DEFAULT 0,
            revision INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE features (
            name TEXT PRIMARY KEY,
            enabled INTEGER NOT NULL CHECK (enabled IN (0, 1))
        );
        CREATE TABLE admins (
            name TEXT PRIMARY KEY,
            unix_user TEXT,
            email TEXT,
            locale_code TEXT NOT NULL DEFAULT 'EN_us',
            is_main INTEGER NOT NULL DEFAULT 0 CHECK (is_main IN (0, 1))
        );
        CREATE UNIQUE INDEX admins_one_main ON admins (is_main) WHERE is_main = 1;
        CREATE TABLE resellers (
            name TEXT PRIMARY KEY,
            reseller_id INTEGER UNIQUE,
            email TEXT,
            locale_code TEXT NOT NULL DEFAULT 'EN_us'
        );
        CREATE TABLE packages (
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (owner, name)
        );
        CREATE TABLE users (
            username TEXT PRIMARY KEY,
            uid INTEGER NOT NULL,
            owner TEXT NOT NULL,
            package_owner TEXT,
            package_name TEXT,
            email TEXT,
            locale_code TEXT NOT NULL DEFAULT 'EN_us',
            home TEXT NOT NULL,
            FOREIGN KEY (package_owner, package_name) REFERENCES packages (owner, name) ON UPDATE CASCADE
        );
        CREATE INDEX users_uid ON users (uid);
        CREATE INDEX users_owner ON users (owner);
        CREATE INDEX users_package ON users (package_owner, package_name);
        CREATE TABLE php_versions (
            identifier TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            modules_dir TEXT NOT NULL,
            dir TEXT NOT NULL,
            bin TEXT NOT NULL,
            ini TEXT NOT NULL,
            ini_scan_dir TEXT NOT NULL,
            is_native INTEGER CHECK (is_native IN (0, 1)),
            fpm_service TEXT
        );
        CREATE TABLE domains (
            name TEXT PRIMARY KEY,
            owner TEXT NOT NULL REFERENCES users (username) ON UPDATE CASCADE,
            document_root TEXT NOT NULL,
            is_main INTEGER NOT NULL DEFAULT 0 CHECK (is_main IN (0, 1)),
            php_version_id TEXT REFERENCES php_versions (identifier) ON UPDATE CASCADE,
            handler TEXT CHECK (handler IN ('fpm', 'cgi', 'lsapi'))
        );
        CREATE INDEX domains_owner ON domains (owner, is_main);
        CREATE UNIQUE INDEX domains_one_main ON domains (owner) WHERE is_main = 1;
        CREATE TABLE db_users (
            db_user TEXT PRIMARY KEY CHECK (length(db_user) <= 64),
            owner TEXT NOT NULL REFERENCES users (username) ON UPDATE CASCADE
        );
        CREATE INDEX db_users_owner ON db_users (owner);
        """,
        // 2: the lifecycle outbox. Every hook event a change causes is stored in the same transaction
        // as the change (docs/contract.md section 5), with the keys that order it against other events of
        // the same accounts; pending_effects lists what must be republished (per-user answers,
        // panel_info, the Governor map) before any post hook of that change may run.
        """
        CREATE TABLE hook_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
            script TEXT NOT NULL,
            args TEXT NOT NULL,
            keys TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped')),
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL DEFAULT 0,
            finished_at INTEGER,
            last_error TEXT
        );
        CREATE INDEX hook_events_state ON hook_events (state, id);
        CREATE TABLE pending_effects (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            effect TEXT NOT NULL
        );
        """,

        // 3: panel databases as sources. The panel's stable ids of accounts and domains (null for
        // rows the embedded store made), and the state of the source and of its last sync.
        """
        ALTER TABLE users ADD COLUMN account_id TEXT;
        CREATE UNIQUE INDEX users_account_id ON users (account_id);
        ALTER TABLE domains ADD COLUMN domain_id TEXT;
        CREATE UNIQUE INDEX domains_domain_id ON domains (domain_id);
        CREATE TABLE source (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            kind TEXT NOT NULL DEFAULT 'embedded' CHECK (kind IN ('embedded', 'mysql', 'postgres')),
            server TEXT,
            max_age_seconds INTEGER CHECK (max_age_seconds > 0),
            derive_hooks INTEGER NOT NULL DEFAULT 1 CHECK (derive_hooks IN (0, 1)),
            last_good_sync INTEGER,
            last_attempt INTEGER,
            last_error TEXT
        );
        INSERT INTO source (id) VALUES (1);
        """,

        // 4: identities (docs/contract.md section 3). Every administrator, reseller and account gets a
        // stable id that no later entity of the same name ever gets again, so that a ui token names an
        // identity, not a name. The uid of an administrator's or reseller's own UNIX account is kept
        // as resolved when it was recorded: it decides whether an account of the same name is that
        // identity, and lists the administrator or reseller in users. host_name is the users domain
        // of such an account when it hosts none (the machine's host name when unset).
        """
        ALTER TABLE admins ADD COLUMN identity_id TEXT;
        ALTER TABLE admins ADD COLUMN unix_uid INTEGER;
        ALTER TABLE resellers ADD COLUMN identity_id TEXT;
        ALTER TABLE resellers ADD COLUMN unix_uid INTEGER;
        ALTER TABLE users ADD COLUMN identity_id TEXT;
        ALTER TABLE panel ADD COLUMN host_name TEXT;
        UPDATE admins SET identity_id = 'l:' || lower(hex(randomblob(16)));
        UPDATE resellers SET identity_id = 'l:' || lower(hex(randomblob(16)));
        UPDATE users SET identity_id = COALESCE('a:' || account_id, 'l:' || lower(hex(randomblob(16))));
        CREATE UNIQUE INDEX admins_identity ON admins (identity_id);
        CREATE UNIQUE INDEX resellers_identity ON resellers (identity_id);
        CREATE UNIQUE INDEX users_identity ON users (identity_id);
        CREATE INDEX admins_unix_user ON admins (unix_user);
        CREATE TRIGGER admins_new_identity AFTER INSERT ON admins WHEN NEW.identity_id IS NULL
        BEGIN UPDATE admins SET identity_id = 'l:' || lower(hex(randomblob(16))) WHERE rowid = NEW.rowid; END;
        CREATE TRIGGER resellers_new_identity AFTER INSERT ON resellers WHEN NEW.identity_id IS NULL
        BEGIN UPDATE resellers SET identity_id = 'l:' || lower(hex(randomblob(16))) WHERE rowid = NEW.rowid; END;
        CREATE TRIGGER users_new_identity AFTER INSERT ON users WHEN NEW.identity_id IS NULL
        BEGIN UPDATE users SET identity_id = COALESCE('a:' || NEW.account_id, 'l:' || lower(hex(randomblob(16)))) WHERE rowid = NEW.rowid; END;
        """,

        // 5: sources that read a panel's own tables or files (ISPConfig, Virtualmin) besides the
        // views, the change marker of the last good sync (an unchanged panel is not read again), and
        // the records of the last read that could not be mapped. The kind is named by the code
        // (SourceSettings.ParseKind) instead of a fixed list here, so a new kind needs no migration;
        // SQLite cannot drop a CHECK, so the table is rebuilt.
        """
        CREATE TABLE source_next (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            kind TEXT NOT NULL DEFAULT 'embedded',
            server TEXT,
            max_age_seconds INTEGER CHECK (max_age_seconds > 0),
            derive_hooks INTEGER NOT NULL DEFAULT 1 CHECK (derive_hooks IN (0, 1)),
            last_good_sync INTEGER,
            last_attempt INTEGER,
            last_error TEXT,
            change_marker TEXT,
            unmapped TEXT
        );
        INSERT INTO source_next (id, kind, server, max_age_seconds, derive_hooks, last_good_sync, last_attempt, last_error)
            SELECT id, kind, server, max_age_seconds, derive_hooks, last_good_sync, last_attempt, last_error FROM source;
        DROP TABLE source;
        ALTER TABLE source_next RENAME TO source;
        """,

        // 6: the records the last good read could not accept (docs/contract.md section 8), one per
        // line, each served in its last accepted version or not yet served.
        """
        ALTER TABLE source ADD COLUMN rejected TEXT;
        """,

        // 7: homes by value, so that the check that no two accounts' homes are, contain or lie inside
        // each other reads the few homes it compares instead of every account (IdentityQueries.HomeHolder).
        """
        CREATE INDEX users_home ON users (home);
        """,

        // 8: what changed for the answer book (docs/cpapi.md, "the book patch"), recorded by the store
        // itself. A row change of an account or a domain records the usernames and domain names whose
        // elements of the users and domains answers it may change (a domain's owner too: an account's
        // element shows its main domain); a change of packages records that list; of database users,
        // db_info; of anything else an administrator's answers read (PHP versions, the panel's
        // defaults and host name, administrators and resellers, who may be listed in users), 'wide':
        // the whole book. Only the newest rows are kept (StoreSession.TrimBookChanges, after each
        // commit); the epoch tells one store's log from another's. An update trigger names its columns
        // (UPDATE OF) so that a statement setting others (the identity triggers', the revision's) does
        // not compile it: a writer prepares every statement again, and every preparation compiles the
        // table's triggers.
        """
        CREATE TABLE book_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('user', 'domain', 'packages', 'db', 'wide')),
            key TEXT
        );
        CREATE TABLE book_log (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            epoch TEXT NOT NULL
        );
        INSERT INTO book_log (id, epoch) VALUES (1, lower(hex(randomblob(16))));
        CREATE INDEX admins_unix_uid ON admins (unix_uid);
        CREATE INDEX resellers_unix_uid ON resellers (unix_uid);

        CREATE TRIGGER users_book_insert AFTER INSERT ON users
        BEGIN
            INSERT INTO book_changes (kind, key) VALUES ('user', NEW.username);
            INSERT INTO book_changes (kind) SELECT 'wide'
                WHERE EXISTS (SELECT 1 FROM admins WHERE unix_uid = NEW.uid) OR EXISTS (SELECT 1 FROM resellers WHERE unix_uid = NEW.uid);
        END;
        CREATE TRIGGER users_book_delete AFTER DELETE ON users
        BEGIN
            INSERT INTO book_changes (kind, key) VALUES ('user', OLD.username);
            INSERT INTO book_changes (kind) SELECT 'wide'
                WHERE EXISTS (SELECT 1 FROM admins WHERE unix_uid = OLD.uid) OR EXISTS (SELECT 1 FROM resellers WHERE unix_uid = OLD.uid);
        END;
        CREATE TRIGGER users_book_update AFTER UPDATE OF username, uid, owner, package_owner, package_name, email, locale_code ON users
        WHEN OLD.username IS NOT NEW.username OR OLD.uid IS NOT NEW.uid OR OLD.owner IS NOT NEW.owner
            OR OLD.package_owner IS NOT NEW.package_owner OR OLD.package_name IS NOT NEW.package_name
            OR OLD.email IS NOT NEW.email OR OLD.locale_code IS NOT NEW.locale_code
        BEGIN
            INSERT INTO book_changes (kind, key) VALUES ('user', OLD.username);
            INSERT INTO book_changes (kind, key) SELECT 'user', NEW.username WHERE NEW.username IS NOT OLD.username;
            INSERT INTO book_changes (kind) SELECT 'wide' WHERE OLD.uid IS NOT NEW.uid
                AND (EXISTS (SELECT 1 FROM admins WHERE unix_uid IN (OLD.uid, NEW.uid)) OR EXISTS (SELECT 1 FROM resellers WHERE unix_uid IN (OLD.uid, NEW.uid)));
        END;

        CREATE TRIGGER domains_book_insert AFTER INSERT ON domains
        BEGIN
            INSERT INTO book_changes (kind, key) VALUES ('domain', NEW.name);
            INSERT INTO book_changes (kind, key) SELECT 'user', NEW.owner WHERE NEW.is_main = 1;
        END;
        CREATE TRIGGER domains_book_delete AFTER DELETE ON domains
        BEGIN
            INSERT INTO book_changes (kind, key) VALUES ('domain', OLD.name);
            INSERT INTO book_changes (kind, key) SELECT 'user', OLD.owner WHERE OLD.is_main = 1;
        END;
        CREATE TRIGGER domains_book_update AFTER UPDATE OF name, owner, document_root, is_main, php_version_id, handler ON domains
        WHEN OLD.name IS NOT NEW.name OR OLD.owner IS NOT NEW.owner OR OLD.document_root IS NOT NEW.document_root
            OR OLD.is_main IS NOT NEW.is_main OR OLD.php_version_id IS NOT NEW.php_version_id OR OLD.handler IS NOT NEW.handler
        BEGIN
            INSERT INTO book_changes (kind, key) VALUES ('domain', OLD.name);
            INSERT INTO book_changes (kind, key) SELECT 'domain', NEW.name WHERE NEW.name IS NOT OLD.name;
            INSERT INTO book_changes (kind, key) SELECT 'user', OLD.owner WHERE OLD.is_main = 1 OR NEW.is_main = 1;
            INSERT INTO book_changes (kind, key) SELECT 'user', NEW.owner WHERE (OLD.is_main = 1 OR NEW.is_main = 1) AND NEW.owner IS NOT OLD.owner;
        END;

        CREATE TRIGGER packages_book_insert AFTER INSERT ON packages BEGIN INSERT INTO book_changes (kind) VALUES ('packages'); END;
        CREATE TRIGGER packages_book_delete AFTER DELETE ON packages BEGIN INSERT INTO book_changes (kind) VALUES ('packages'); END;
        CREATE TRIGGER packages_book_update AFTER UPDATE ON packages BEGIN INSERT INTO book_changes (kind) VALUES ('packages'); END;
        CREATE TRIGGER db_users_book_insert AFTER INSERT ON db_users BEGIN INSERT INTO book_changes (kind) VALUES ('db'); END;
        CREATE TRIGGER db_users_book_delete AFTER DELETE ON db_users BEGIN INSERT INTO book_changes (kind) VALUES ('db'); END;
        CREATE TRIGGER db_users_book_update AFTER UPDATE ON db_users BEGIN INSERT INTO book_changes (kind) VALUES ('db'); END;

        CREATE TRIGGER php_versions_book_insert AFTER INSERT ON php_versions BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER php_versions_book_delete AFTER DELETE ON php_versions BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER php_versions_book_update AFTER UPDATE ON php_versions BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER panel_book_insert AFTER INSERT ON panel BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER panel_book_update AFTER UPDATE OF default_php, default_handler, host_name ON panel
        WHEN OLD.default_php IS NOT NEW.default_php OR OLD.default_handler IS NOT NEW.default_handler OR OLD.host_name IS NOT NEW.host_name
        BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER admins_book_insert AFTER INSERT ON admins BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER admins_book_delete AFTER DELETE ON admins BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER admins_book_update AFTER UPDATE OF name, unix_user, email, locale_code, is_main, unix_uid ON admins
        WHEN OLD.name IS NOT NEW.name OR OLD.unix_user IS NOT NEW.unix_user OR OLD.email IS NOT NEW.email
            OR OLD.locale_code IS NOT NEW.locale_code OR OLD.is_main IS NOT NEW.is_main OR OLD.unix_uid IS NOT NEW.unix_uid
        BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER resellers_book_insert AFTER INSERT ON resellers BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER resellers_book_delete AFTER DELETE ON resellers BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        CREATE TRIGGER resellers_book_update AFTER UPDATE OF name, reseller_id, email, locale_code, unix_uid ON resellers
        WHEN OLD.name IS NOT NEW.name OR OLD.reseller_id IS NOT NEW.reseller_id OR OLD.email IS NOT NEW.email
            OR OLD.locale_code IS NOT NEW.locale_code OR OLD.unix_uid IS NOT NEW.unix_uid
        BEGIN INSERT INTO book_changes (kind) VALUES ('wide'); END;
        """,

        // 9: a change of database users names the owners whose db_info mapping it changes (old and
        // new), so root's db_info answer is patched by owner (docs/cpapi.md, "the book patch"). A
        // 'db' row without a key (written before) still means the whole answer.
        """
        DROP TRIGGER db_users_book_insert;
        DROP TRIGGER db_users_book_delete;
        DROP TRIGGER db_users_book_update;
        CREATE TRIGGER db_users_book_insert AFTER INSERT ON db_users BEGIN INSERT INTO book_changes (kind, key) VALUES ('db', NEW.owner); END;
        CREATE TRIGGER db_users_book_delete AFTER DELETE ON db_users BEGIN INSERT INTO book_changes (kind, key) VALUES ('db', OLD.owner); END;
        CREATE TRIGGER db_users_book_update AFTER UPDATE ON db_users
        BEGIN
            INSERT INTO book_changes (kind, key) VALUES ('db', OLD.owner);
            INSERT INTO book_changes (kind, key) SELECT 'db', NEW.owner WHERE NEW.owner IS NOT OLD.owner;
        END;
        """,
    ];
}
