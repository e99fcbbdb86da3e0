"""A healthy CloudLinux integration written from docs/contract.md: the reference vendor of the gallery.

Every broken vendor in the gallery imports this module and replaces exactly one of the functions
or settings below, so each defect is one small, named change to a vendor that otherwise conforms.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
USER_FIELDS = ["id", "username", "owner", "domain", "package", "email", "locale_code"]
ADMIN_ONLY = {"db_info", "packages", "users", "resellers", "admins", "php"}

# option name -> (short form, kind); filters: groups of options that go together, one group at a time.
GRAMMAR = {
    "panel_info": ({}, []),
    "db_info": ({}, []),
    "packages": ({"owner": ("o", "text")}, [["owner"]]),
    "users": ({"owner": ("o", "text"), "package-name": (None, "text"), "package-owner": (None, "text"),
               "username": (None, "text"), "unix-id": (None, "uint"), "fields": (None, "fields")},
              [["owner"], ["package-name", "package-owner"], ["username"], ["unix-id"]]),
    "domains": ({"owner": ("o", "text"), "name": ("n", "text"), "with-php": (None, "flag")}, [["owner"], ["name"]]),
    "resellers": ({"id": (None, "uint"), "name": ("n", "text")}, [["id"], ["name"]]),
    "admins": ({"name": ("n", "text"), "is-main": ("m", "bool")}, [["name"], ["is-main"]]),
    "php": ({}, []),
}

# Settings a defect may turn off.
CATCH_ALL = True
ACCEPTED_FORMS = ("equals", "spaced", "short")
REJECT_UNKNOWN = True


class Refusal(Exception):
    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind
        self.message = message


def load_data():
    with open(os.path.join(HERE, "data.json"), encoding="utf-8") as f:
        return json.load(f)


def emit(document):
    sys.stdout.write(json.dumps(document) + "\n")


def answer(data):
    emit({"data": data, "metadata": {"result": "ok"}})


def refuse(kind, message):
    emit({"data": None, "metadata": {"result": kind, "message": message}})


def resolve_fields(value):
    names = value.split(",")
    for name in names:
        if name not in USER_FIELDS:
            raise Refusal("BadRequest", "Unknown field '%s'" % name)
    return names


def check_value(option, kind, value):
    if kind == "text" and value == "":
        raise Refusal("BadRequest", "--%s needs a value" % option)
    if kind == "uint" and not (value.isascii() and value.isdigit() and int(value) <= 0xFFFFFFFF):
        raise Refusal("BadRequest", "--%s takes a whole number" % option)
    if kind == "bool" and value not in ("true", "false"):
        raise Refusal("BadRequest", "--%s takes true or false" % option)
    if kind == "fields":
        resolve_fields(value)


def parse_args(script, argv):
    options, filters = GRAMMAR[script]
    shorts = {short: name for name, (short, _) in options.items() if short}
    values = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        inline = None
        if arg.startswith("--") and len(arg) > 2:
            name, eq, rest = arg[2:].partition("=")
            inline = rest if eq else None
            if name not in options:
                if REJECT_UNKNOWN:
                    raise Refusal("BadRequest", "Unknown argument '%s'" % arg[:64])
                i += 1
                continue
            if inline is None and options[name][1] != "flag" and "spaced" not in ACCEPTED_FORMS:
                raise Refusal("BadRequest", "--%s needs =value" % name)
        elif arg.startswith("-") and len(arg) >= 2 and "short" in ACCEPTED_FORMS and arg[1] in shorts:
            name = shorts[arg[1]]
            inline = arg[2:] or None
        else:
            if REJECT_UNKNOWN:
                raise Refusal("BadRequest", "Unexpected argument '%s'" % arg[:64])
            i += 1
            continue
        kind = options[name][1]
        if kind == "flag":
            if inline is not None:
                raise Refusal("BadRequest", "--%s takes no value" % name)
            value = "true"
        elif inline is not None:
            value = inline
        elif i + 1 < len(argv):
            i += 1
            value = argv[i]
        else:
            raise Refusal("BadRequest", "--%s needs a value" % name)
        check_value(name, kind, value)
        values[name] = value
        i += 1
    chosen = None
    for group in filters:
        present = [o for o in group if o in values]
        if not present:
            continue
        if len(present) != len(group):
            raise Refusal("BadRequest", "--%s needs %s" % (present[0], ", ".join("--" + o for o in group if o not in values)))
        if chosen:
            raise Refusal("BadRequest", "%s and --%s cannot be combined" % (chosen, group[0]))
        chosen = "--" + group[0]
    return values


def admin_uids(data):
    """The uids of the administrators' UNIX accounts: they see everything, as root does."""
    accounts = {a["unix_user"] for a in data["admins"] if a["unix_user"]}
    return {u["id"] for u in data["users"] if u["username"] in accounts}


def caller_usernames(data):
    """None for root and admin accounts (they see everything); else the panel accounts of the caller's real uid."""
    uid = os.getuid()
    if uid == 0 or uid in admin_uids(data):
        return None
    return [u["username"] for u in data["users"] if u["id"] == uid]


def panel_info_record(data):
    return dict(data["panel"])


def user_record(user):
    return {key: user[key] for key in USER_FIELDS}


def domain_record(data, domain, with_php):
    record = {key: domain[key] for key in ("owner", "document_root", "is_main")}
    if with_php:
        record["php"] = dict(data["php_setups"][domain["php"]])
    return record


def check_user_filters(data, args):
    owners = {a["name"] for a in data["admins"]} | {r["name"] for r in data["resellers"]}
    if "owner" in args and args["owner"] not in owners:
        raise Refusal("NotFound", "No such owner '%s'" % args["owner"])
    if "package-name" in args and {"name": args["package-name"], "owner": args["package-owner"]} not in data["packages"]:
        raise Refusal("NotFound", "No such package '%s'" % args["package-name"])


def select_users(data, args):
    users = data["users"]
    if "owner" in args:
        users = [u for u in users if u["owner"] == args["owner"]]
    if "package-name" in args:
        users = [u for u in users if u["package"] == {"name": args["package-name"], "owner": args["package-owner"]}]
    if "username" in args:
        users = [u for u in users if u["username"] == args["username"]]
    if "unix-id" in args:
        users = [u for u in users if u["id"] == int(args["unix-id"])]
    return users


def users(data, args, mine):
    check_user_filters(data, args)
    found = select_users(data, args)
    if not found and ("username" in args or "unix-id" in args):
        raise Refusal("NotFound", "No such user")
    records = [user_record(u) for u in found]
    if "fields" in args:
        fields = resolve_fields(args["fields"])
        records = [{k: r[k] for k in fields if k in r} for r in records]
    return records


def own_domains(data, mine):
    return {name: d for name, d in data["domains"].items() if d["owner"] in mine}


def end_user_domains(data, mine):
    """What an end user's unfiltered call lists: their own domains only."""
    return own_domains(data, mine)


def end_user_may_ask_owner(mine, owner):
    return owner in mine


def domains(data, args, mine):
    with_php = "with-php" in args
    if mine is None:
        visible = data["domains"]
        if "owner" in args and args["owner"] not in {u["username"] for u in data["users"]}:
            raise Refusal("NotFound", "No such user '%s'" % args["owner"])
        if "name" in args and args["name"] not in visible:
            raise Refusal("NotFound", "No such domain '%s'" % args["name"])
    else:
        own = own_domains(data, mine)
        if "owner" in args and not end_user_may_ask_owner(mine, args["owner"]):
            raise Refusal("PermissionDenied", "You may list only your own domains")
        if "name" in args and args["name"] not in own:
            raise Refusal("PermissionDenied", "That domain is not yours")
        visible = end_user_domains(data, mine) if "owner" not in args and "name" not in args else own
    return {name: domain_record(data, d, with_php) for name, d in visible.items()
            if ("owner" not in args or d["owner"] == args["owner"]) and ("name" not in args or name == args["name"])}


def packages(data, args, mine):
    owners = {a["name"] for a in data["admins"]} | {r["name"] for r in data["resellers"]}
    if "owner" in args and args["owner"] not in owners:
        raise Refusal("NotFound", "No such owner '%s'" % args["owner"])
    return [p for p in data["packages"] if "owner" not in args or p["owner"] == args["owner"]]


def find_reseller_by_id(data, reseller_id):
    found = [r for r in data["resellers"] if r["id"] == reseller_id]
    if not found:
        raise Refusal("NotFound", "No reseller with id %d" % reseller_id)
    return found


def resellers(data, args, mine):
    if "id" in args:
        return find_reseller_by_id(data, int(args["id"]))
    if "name" in args:
        found = [r for r in data["resellers"] if r["name"] == args["name"]]
        if not found:
            raise Refusal("NotFound", "No such reseller '%s'" % args["name"])
        return found
    return data["resellers"]


def admins(data, args, mine):
    found = data["admins"]
    if "name" in args:
        found = [a for a in found if a["name"] == args["name"]]
        if not found:
            raise Refusal("NotFound", "No such admin '%s'" % args["name"])
    if "is-main" in args:
        found = [a for a in found if a["is_main"] == (args["is-main"] == "true")]
    return found


SCRIPTS = {
    "panel_info": lambda data, args, mine: panel_info_record(data),
    "db_info": lambda data, args, mine: {"mysql": data["mysql"]},
    "packages": packages,
    "users": users,
    "domains": domains,
    "resellers": resellers,
    "admins": admins,
    "php": lambda data, args, mine: data["php"],
}


def ui_user_info(argv):
    info = load_data()["ui_tokens"].get(argv[0] if argv else "")
    if info is None:
        sys.stdout.write("{}\n")
        return 1
    sys.stdout.write(json.dumps(info) + "\n")
    return 0


def run(argv):
    if not argv or argv[0] not in SCRIPTS:
        raise Refusal("BadRequest", "Unknown script")
    script = argv[0]
    data = load_data()
    mine = caller_usernames(data)
    if mine is not None and script in ADMIN_ONLY:
        raise Refusal("PermissionDenied", "%s is for administrators only" % script)
    args = parse_args(script, argv[1:])
    answer(SCRIPTS[script](data, args, mine))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "ui_user_info":
        return ui_user_info(argv[1:])
    try:
        run(argv)
    except Refusal as r:
        refuse(r.kind, r.message)
    except Exception as e:  # noqa: BLE001 - the contract wants an envelope whatever happens
        if not CATCH_ALL:
            raise
        refuse("InternalAPIError", "unexpected %s" % type(e).__name__)
    return 0
