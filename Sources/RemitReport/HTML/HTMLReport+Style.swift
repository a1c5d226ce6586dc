extension HTMLReport {
    /// The page's only style sheet, inline so the file stands alone.
    ///
    /// Sizes are in `em` of the body's font, so print shrinks the whole page by changing one size; the
    /// match table then fits a landscape A4 or Letter page.
    static let styleSheet: StaticString = """
        :root { --ink: #1a1a1a; --muted: #5c5c5c; --rule: #c8c8c8; --band: #f3f3f1; --bad: #a40000; \
        --good: #1d5e20; --warn: #7a5200; }
        * { box-sizing: border-box; }
        body { font: 13px/1.45 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink); \
        margin: 24px auto; max-width: 1400px; padding: 0 24px; }
        h1 { font-size: 1.7em; margin: 0 0 0.3em; }
        h2 { font-size: 1.3em; margin: 2.2em 0 0.5em; padding-bottom: 0.25em; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.08em; margin: 1.5em 0 0.4em; }
        p { margin: 0.4em 0; }
        .meta, .explain, .none { color: var(--muted); }
        .explain { max-width: 75em; }
        .more { font-style: italic; }
        table { border-collapse: collapse; margin: 0.4em 0 1em; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--rule); padding: 0.2em 0.45em; text-align: left; vertical-align: top; }
        thead th { background: var(--band); font-weight: 600; white-space: nowrap; }
        tbody th { background: var(--band); font-weight: 600; text-align: left; white-space: nowrap; }
        tr.total td, tr.total th { border-top: 2px solid var(--ink); font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        .ccy { color: var(--muted); font-size: 0.82em; }
        td.loc, td.id, code, .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; }
        td.loc { overflow-wrap: break-word; min-width: 8em; }
        td.id { white-space: nowrap; }
        .hash { word-break: break-all; }
        td.small, .small { font-size: 0.85em; }
        td.wrap { overflow-wrap: break-word; }
        .nowrap { white-space: nowrap; }
        table.matches, table.register { width: 100%; font-size: 0.92em; }
        table.matches thead th { white-space: normal; }
        .ties { color: var(--good); font-weight: 600; white-space: nowrap; }
        .fails { color: var(--bad); font-weight: 700; white-space: nowrap; }
        tr.failing td { background: #fbeaea; }
        .verdict { margin: 0.9em 0; padding: 0.6em 0.9em; font-size: 1.15em; font-weight: 700; border: 2px solid; }
        .verdict.ok { color: var(--good); border-color: var(--good); }
        .verdict.fail { color: var(--bad); border-color: var(--bad); background: #fbeaea; }
        .term { display: flex; justify-content: space-between; gap: 1em; white-space: nowrap; }
        .term .label { color: var(--muted); }
        ul.diagnostics { list-style: none; padding: 0; margin: 0.4em 0; }
        ul.diagnostics li { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; \
        padding: 0.15em 0 0.15em 0.6em; border-left: 4px solid var(--rule); margin-bottom: 2px; \
        overflow-wrap: anywhere; }
        ul.diagnostics li.error { border-left-color: var(--bad); }
        ul.diagnostics li.warning { border-left-color: var(--warn); }
        nav ol { columns: 2; max-width: 48em; margin: 0.4em 0; }
        table.signoff td { height: 2.6em; min-width: 17em; }
        table.signoff td.notes { height: 7em; }
        footer { margin-top: 2.5em; color: var(--muted); font-size: 0.85em; }
        @page { size: landscape; margin: 12mm; }
        @media print {
          body { margin: 0; padding: 0; max-width: none; font-size: 9px; }
          nav { display: none; }
          h2, h3 { break-after: avoid; }
          tr { break-inside: avoid; }
          thead { display: table-header-group; }
          .verdict.fail, tr.failing td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
