extension HTMLReport {
    /// The page's only style sheet, inline so the file stands alone. Sized for A4/Letter landscape in print.
    static let styleSheet: StaticString = """
        :root { --ink: #1a1a1a; --muted: #5c5c5c; --rule: #c8c8c8; --band: #f3f3f1; --bad: #a40000; \
        --good: #1d5e20; --warn: #7a5200; }
        * { box-sizing: border-box; }
        body { font: 13px/1.45 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink); \
        margin: 24px auto; max-width: 1400px; padding: 0 24px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 14px; margin: 20px 0 6px; }
        p { margin: 6px 0; }
        .meta, .explain, .none { color: var(--muted); }
        .explain { max-width: 980px; }
        table { border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; }
        thead th { background: var(--band); font-weight: 600; white-space: nowrap; }
        tbody th { background: var(--band); font-weight: 600; text-align: left; white-space: nowrap; }
        tr.total td, tr.total th { border-top: 2px solid var(--ink); font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        .ccy { color: var(--muted); font-size: 11px; }
        td.loc, td.id, code, .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11px; }
        td.loc, td.id { word-break: break-all; min-width: 9em; }
        .hash { word-break: break-all; }
        td.small, .small { font-size: 11px; }
        .ties { color: var(--good); font-weight: 600; white-space: nowrap; }
        .fails { color: var(--bad); font-weight: 700; white-space: nowrap; }
        tr.failing td { background: #fbeaea; }
        .verdict { margin: 12px 0; padding: 8px 12px; font-size: 15px; font-weight: 700; border: 2px solid; }
        .verdict.ok { color: var(--good); border-color: var(--good); }
        .verdict.fail { color: var(--bad); border-color: var(--bad); background: #fbeaea; }
        .term { display: flex; justify-content: space-between; gap: 12px; white-space: nowrap; }
        .term .label { color: var(--muted); }
        ul.diagnostics { list-style: none; padding: 0; margin: 6px 0; }
        ul.diagnostics li { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11px; \
        padding: 2px 0 2px 8px; border-left: 4px solid var(--rule); margin-bottom: 2px; word-break: break-word; }
        ul.diagnostics li.error { border-left-color: var(--bad); }
        ul.diagnostics li.warning { border-left-color: var(--warn); }
        nav ol { columns: 2; max-width: 640px; margin: 6px 0; }
        .signoff td { height: 34px; min-width: 220px; }
        footer { margin-top: 32px; color: var(--muted); font-size: 11px; }
        @page { size: landscape; margin: 12mm; }
        @media print {
          body { margin: 0; padding: 0; max-width: none; font-size: 10px; }
          nav { display: none; }
          h2 { break-after: avoid; }
          h3 { break-after: avoid; }
          tr { break-inside: avoid; }
          thead { display: table-header-group; }
          .verdict.fail, tr.failing td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
