using System.Text.Json;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>One hook call as the recording hooks saw it, with what the cpapi answered at that moment.</summary>
public sealed record HookCall(string Script, string[] Argv, JsonElement Users, JsonElement Domains, JsonElement Published)
{
    /// <summary>The domains an end user with <paramref name="uid"/> could see in their published file; null when there is none.</summary>
    public string[]? PublishedDomains(uint uid) =>
        Published.TryGetProperty(uid.ToString(System.Globalization.CultureInfo.InvariantCulture), out var d) ? d.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;

    public string Line => Script + " " + string.Join(' ', Argv);

    public bool HasUser(string name) => Users.EnumerateArray().Any(u => u.GetProperty("username").GetString() == name);

    public string? OwnerOf(string user) =>
        Users.EnumerateArray().Where(u => u.GetProperty("username").GetString() == user).Select(u => u.GetProperty("owner").GetString()).FirstOrDefault();

    public bool HasDomain(string name) => Domains.TryGetProperty(name, out _);
}

/// <summary>
/// A CloudLinux hooks directory of Python scripts that parse their arguments as strictly as
/// CloudLinux's argparse hooks (exact subcommands and flags, no abbreviations, unknown arguments
/// rejected with exit 2), call the installed cpapi (users, domains) and record both. Files in the
/// control folder make them fail (<c>fail</c>, <c>fail-SCRIPT</c>) or hang (<c>hang</c>, <c>hang-SCRIPT</c>).
/// </summary>
public sealed class RecordingHooks
{
    private static readonly Dictionary<string, string> Parsers = new()
    {
        ["post_modify_user.py"] =
            """
            c = sub.add_parser("create", allow_abbrev=False); c.add_argument("--username", required=True); c.add_argument("--owner", required=True)
            m = sub.add_parser("modify", allow_abbrev=False); m.add_argument("-u", "--username", required=True)
            g = m.add_mutually_exclusive_group(required=True); g.add_argument("--new-username"); g.add_argument("--new-owner")
            r = sub.add_parser("restore", allow_abbrev=False); r.add_argument("--username", required=True)
            d = sub.add_parser("delete", allow_abbrev=False); d.add_argument("--username", required=True)
            """,
        ["pre_modify_user.py"] =
            """
            d = sub.add_parser("delete", allow_abbrev=False); d.add_argument("--username", required=True)
            """,
        ["post_modify_admin.py"] =
            """
            c = sub.add_parser("create", allow_abbrev=False); c.add_argument("--name", required=True)
            d = sub.add_parser("delete", allow_abbrev=False); d.add_argument("--name", required=True)
            """,
        ["post_modify_domain.py"] =
            """
            m = sub.add_parser("modify", allow_abbrev=False); m.add_argument("-u", "--username", required=True)
            m.add_argument("--domain", required=True); m.add_argument("--new-domain", required=True)
            m.add_argument("--include-subdomains", action="store_true")
            """,
        ["post_modify_package.py"] =
            """
            r = sub.add_parser("rename", allow_abbrev=False); r.add_argument("--name", required=True); r.add_argument("--new-name", required=True)
            """,
    };

    private readonly TempInstall install;

    public RecordingHooks(TempInstall install)
    {
        this.install = install;
        Directory.CreateDirectory(HooksDir);
        Directory.CreateDirectory(ControlDir);
        foreach (var (script, parser) in Parsers)
        {
            var path = Path.Combine(HooksDir, script);
            File.WriteAllText(path, Source(script, parser));
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }
    }

    public string HooksDir => install.Config.HooksDir;

    public string ControlDir => Path.Combine(install.Dir, "hook-control");

    public string RecordFile => Path.Combine(install.Dir, "hook-calls.jsonl");

    /// <summary>Every recorded call, oldest first.</summary>
    public IReadOnlyList<HookCall> Calls()
    {
        if (!File.Exists(RecordFile))
            return [];
        return File.ReadAllLines(RecordFile).Where(l => l.Length > 0).Select(line =>
        {
            var e = JsonDocument.Parse(line).RootElement.Clone();
            return new HookCall(
                e.GetProperty("script").GetString()!,
                e.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToArray(),
                e.GetProperty("users"),
                e.GetProperty("domains"),
                e.GetProperty("published"));
        }).ToList();
    }

    public IReadOnlyList<string> Lines() => Calls().Select(c => c.Line).ToList();

    public void Set(string control, bool on)
    {
        var path = Path.Combine(ControlDir, control);
        if (on)
            File.WriteAllText(path, "");
        else
            File.Delete(path);
    }

    private string Source(string script, string parser) =>
        $$"""
        #!/usr/bin/env python3
        import argparse, json, os, subprocess, sys, time
        SCRIPT = {{JsonSerializer.Serialize(script)}}
        RECORD = {{JsonSerializer.Serialize(RecordFile)}}
        CONTROL = {{JsonSerializer.Serialize(ControlDir)}}
        CPVENDOR = {{JsonSerializer.Serialize(install.Binary)}}
        USERS_DIR = {{JsonSerializer.Serialize(install.Config.UsersDir)}}
        p = argparse.ArgumentParser(prog=SCRIPT, allow_abbrev=False)
        sub = p.add_subparsers(dest="action", required=True)
        {{parser.Trim()}}
        args = p.parse_args()
        for name in ("hang", "hang-" + SCRIPT):
            if os.path.exists(os.path.join(CONTROL, name)):
                time.sleep(3600)
        for name in ("fail", "fail-" + SCRIPT):
            if os.path.exists(os.path.join(CONTROL, name)):
                print("failing on purpose", file=sys.stderr)
                sys.exit(1)
        def cpapi(*a):
            out = subprocess.run([CPVENDOR, "cpapi", *a], capture_output=True, text=True, check=True).stdout
            envelope = json.loads(out)
            if envelope["metadata"]["result"] != "ok":
                raise SystemExit("cpapi failed: " + out)
            return envelope["data"]
        def chacha20(key, nonce, counter, data):
            # RFC 8439 section 2.4, written here apart from the product's own.
            def rotl(v, c):
                return ((v << c) & 0xffffffff) | (v >> (32 - c))
            def quarter(x, a, b, c, d):
                x[a] = (x[a] + x[b]) & 0xffffffff; x[d] = rotl(x[d] ^ x[a], 16)
                x[c] = (x[c] + x[d]) & 0xffffffff; x[b] = rotl(x[b] ^ x[c], 12)
                x[a] = (x[a] + x[b]) & 0xffffffff; x[d] = rotl(x[d] ^ x[a], 8)
                x[c] = (x[c] + x[d]) & 0xffffffff; x[b] = rotl(x[b] ^ x[c], 7)
            out = bytearray()
            for at in range(0, len(data), 64):
                state = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]
                state += [int.from_bytes(key[i:i + 4], "little") for i in range(0, 32, 4)]
                state += [counter + at // 64] + [int.from_bytes(nonce[i:i + 4], "little") for i in range(0, 12, 4)]
                x = list(state)
                for _ in range(10):
                    quarter(x, 0, 4, 8, 12); quarter(x, 1, 5, 9, 13); quarter(x, 2, 6, 10, 14); quarter(x, 3, 7, 11, 15)
                    quarter(x, 0, 5, 10, 15); quarter(x, 1, 6, 11, 12); quarter(x, 2, 7, 8, 13); quarter(x, 3, 4, 9, 14)
                stream = b"".join(((x[i] + state[i]) & 0xffffffff).to_bytes(4, "little") for i in range(16))
                out += bytes(a ^ b for a, b in zip(data[at:at + 64], stream))
            return bytes(out)
        def sealed_image(uid):
            # docs/security.md: the key in UID.key's attribute, the record in bucket uid % 4096.
            key = os.getxattr(os.path.join(USERS_DIR, uid + ".key"), "user.cpvendor") * 2
            with open(os.path.join(USERS_DIR, "%03x.sealed" % (int(uid) % 4096)), "rb") as f:
                raw = f.read()
            for i in range(int.from_bytes(raw[8:12], "little")):
                entry = raw[16 + 16 * i:32 + 16 * i]
                if int.from_bytes(entry[0:4], "little") == int(uid):
                    at = int.from_bytes(entry[8:16], "little")
                    record = raw[at:at + int.from_bytes(entry[4:8], "little")]
                    body = chacha20(key, record[:12], 1, record[28:])
                    return body[4:4 + int.from_bytes(body[:4], "little")]
            return None
        published = {}
        if os.path.isdir(USERS_DIR):
            for name in os.listdir(USERS_DIR):
                image = None
                if name.endswith(".key"):
                    image = sealed_image(name[:-4])
                elif name.endswith(".user"):
                    with open(os.path.join(USERS_DIR, name), "rb") as f:
                        image = f.read()
                if image:
                    # magic, section count, lengths, then the data section first (docs/security.md)
                    count = int.from_bytes(image[8:12], "little")
                    start = 16 + 8 * count
                    data = image[start:start + int.from_bytes(image[16:24], "little")]
                    published[name.rsplit(".", 1)[0]] = sorted(json.loads(data)["domains"].keys())
        entry = {"script": SCRIPT, "argv": sys.argv[1:], "users": cpapi("users"), "domains": cpapi("domains"), "published": published}
        with open(RECORD, "a") as f:
            f.write(json.dumps(entry) + "\n")
        """.Replace("\r", "", StringComparison.Ordinal) + "\n";
}
