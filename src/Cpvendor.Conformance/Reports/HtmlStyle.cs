namespace Cpvendor.Conformance.Reports;

/// <summary>The inline stylesheet of the HTML report: readable on screen and in print, no web fonts.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        :root { --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --skip: #6e7781; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
        header { background: #fff; border-bottom: 1px solid var(--line); padding: 20px 32px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 16px; margin: 24px 0 8px; color: #424a53; }
        .ini { color: #57606a; margin: 0 0 12px; font-family: ui-monospace, monospace; font-size: 13px; }
        .verdict { font-size: 18px; font-weight: 600; margin: 0 0 12px; }
        .verdict.pass { color: var(--pass); } .verdict.fail { color: var(--fail); } .verdict.warn { color: var(--warn); }
        .counts { display: flex; gap: 12px; }
        .count { border: 1px solid var(--line); border-radius: 6px; padding: 6px 14px; background: #fff; }
        .count span { font-size: 20px; font-weight: 700; }
        .count.pass span { color: var(--pass); } .count.fail span { color: var(--fail); }
        .count.warn span { color: var(--warn); } .count.skip span { color: var(--skip); }
        main { padding: 0 32px 32px; }
        details.check { background: #fff; border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px; margin: 4px 0; }
        details.pass { border-left-color: var(--pass); } details.fail { border-left-color: var(--fail); }
        details.warn { border-left-color: var(--warn); } details.skip { border-left-color: var(--skip); }
        summary { cursor: pointer; padding: 6px 10px; display: flex; gap: 10px; align-items: baseline; }
        .badge { font: 700 11px ui-monospace, monospace; color: #fff; border-radius: 3px; padding: 1px 6px; }
        .badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); }
        .badge.warn { background: var(--warn); } .badge.skip { background: var(--skip); }
        .name { font-family: ui-monospace, monospace; font-size: 13px; font-weight: 600; }
        .message { color: #57606a; font-size: 13px; }
        pre { margin: 0; padding: 8px 12px; border-top: 1px solid var(--line); background: #f6f8fa; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
        .aborted { color: var(--fail); font-weight: 600; }
        footer { color: #57606a; font-size: 12px; padding: 0 32px 24px; }

        """;
}
