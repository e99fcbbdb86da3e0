using System.Text;
using System.Text.Json;

namespace Cpvendor.Bench;

/// <summary>
/// The Python baseline: how the best public integrations answer, a script that loads a JSON snapshot
/// of the panel, filters it in Python and prints with json.dumps. Its output is asserted byte-equal
/// to ours before anything is timed, so both do the same work for the caller.
/// </summary>
internal static class PeerBaseline
{
    public const string ScriptName = "cpapi.py";
    public const string SnapshotName = "snapshot.json";

    // Lean on purpose (no argparse, no logging): the baseline is the fastest honest Python design.
    private const string Script =
        """
        import json
        import os
        import sys

        SNAPSHOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "snapshot.json")


        def options(argv):
            result = {}
            for arg in argv:
                if arg.startswith("--") and "=" in arg:
                    key, value = arg[2:].split("=", 1)
                    result[key] = value
                elif arg.startswith("--"):
                    result[arg[2:]] = True
            return result


        def users(panel, opts):
            found = panel["users"]
            if "unix-id" in opts:
                uid = int(opts["unix-id"])
                found = [u for u in found if u["id"] == uid]
            if "username" in opts:
                found = [u for u in found if u["username"] == opts["username"]]
            if "owner" in opts:
                found = [u for u in found if u["owner"] == opts["owner"]]
            if "package-name" in opts:
                wanted = {"name": opts["package-name"], "owner": opts.get("package-owner")}
                found = [u for u in found if u["package"] == wanted]
            if "fields" in opts:
                wanted = set(opts["fields"].split(","))
                found = [{k: v for k, v in u.items() if k in wanted} for u in found]
            return found


        def domains(panel, opts):
            found = panel["domains_php" if "with-php" in opts else "domains"]
            uid = os.getuid()
            if uid != 0:
                mine = {u["username"] for u in panel["users"] if u["id"] == uid}
                found = {name: d for name, d in found.items() if d["owner"] in mine}
            if "owner" in opts:
                found = {name: d for name, d in found.items() if d["owner"] == opts["owner"]}
            if "name" in opts:
                found = {name: d for name, d in found.items() if name == opts["name"]}
            return found


        def main(argv):
            with open(SNAPSHOT, "rb") as f:
                panel = json.load(f)
            script, opts = argv[0], options(argv[1:])
            if script == "panel_info":
                data = panel["panel_info"]
            elif script == "users":
                data = users(panel, opts)
            elif script == "domains":
                data = domains(panel, opts)
            elif script == "resellers":
                data = [r for r in panel["resellers"]
                        if ("name" not in opts or r["name"] == opts["name"]) and ("id" not in opts or r["id"] == int(opts["id"]))]
            elif script == "admins":
                data = [a for a in panel["admins"]
                        if ("name" not in opts or a["name"] == opts["name"])
                        and ("is-main" not in opts or a["is_main"] == (opts["is-main"] == "true"))]
            elif script == "packages":
                data = [p for p in panel["packages"] if "owner" not in opts or p["owner"] == opts["owner"]]
            elif script in panel:
                data = panel[script]
            else:
                data = None
            envelope = {"data": data, "metadata": {"result": "ok"}}
            text = json.dumps(envelope, separators=(",", ":"), ensure_ascii=False)
            sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
            return 0


        sys.exit(main(sys.argv[1:]))

        """;

    /// <summary>Writes the script and a snapshot holding the data of each answer, under its key.</summary>
    public static void Write(string folder, IReadOnlyDictionary<string, byte[]> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ScriptName), Script);
        using var snapshot = File.Create(Path.Combine(folder, SnapshotName));
        var separator = "{"u8;
        foreach (var (key, answer) in answers)
        {
            snapshot.Write(separator);
            snapshot.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(key)));
            snapshot.Write(":"u8);
            snapshot.Write(Data(answer));
            separator = ","u8;
        }

        snapshot.Write("}\n"u8);
    }

    /// <summary>The <c>data</c> member of a successful envelope, as the exact bytes we printed.</summary>
    public static ReadOnlySpan<byte> Data(byte[] envelope)
    {
        var head = "{\"data\":"u8;
        var tail = ",\"metadata\":{\"result\":\"ok\"}}\n"u8;
        var span = envelope.AsSpan();
        if (!span.StartsWith(head) || !span.EndsWith(tail))
            throw new InvalidOperationException("not a successful envelope: " + Encoding.UTF8.GetString(span[..Math.Min(span.Length, 200)]));
        return span[head.Length..^tail.Length];
    }
}
