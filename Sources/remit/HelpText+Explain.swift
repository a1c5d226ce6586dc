extension HelpText {
    static let explain = """
        remit explain: say why a remittance line was (or was not) matched, rule by rule.

        USAGE
          remit explain --invoices FILE (--line ID | --reference REF | --invoice NUMBER) [options] INPUT...

        Reads the same inputs as remit reconcile, matches them the same way (same decisions as matches.jsonl)
        and prints, for the line asked about, every rule in order: whether it ran, each invoice it looked at
        (number, customer, what was open then) and why it kept or set it aside, its finding and score, then
        the decision and its evidence. For an invoice: every line that looked at it, and what became of it.
        Writes no files; diagnostics of the inputs go to stderr as for reconcile.

        SELECTORS
          --line ID                a remittance line by its id (line_id in matches.csv)
          --reference REF          lines with this reference, as sent or as the matcher compares
                                   references (case, punctuation, INV prefix, leading zeros ignored);
                                   with --line, the line must have both
          --invoice NUMBER         an invoice of the export by its number, compared the same way

        OPTIONS
          --json                   one JSON object instead of text (fields in docs/matching.md)
          --invoices, --invoice-layout, --strict, --currency, --mappings, --auto-apply-score,
          --suggest-score, --name-similarity, --combination-max-set-size, --combination-max-steps,
          --combination-max-candidates
                                   as for remit reconcile, which decide the match the same way
          --history FILE           read (never written): a payment an earlier run read is set aside
                                   as remit reconcile --history would
          --out DIR, --run-time TIME   accepted so a reconcile command line can be reused; not used
          -h, --help               show this help

        EXIT CODES
          0   explained
          1   explained, but some input was rejected (its lines are not matched; see stderr)
          2   could not finish: the invoice export could not be read, or the mappings folder is broken
          64  usage error, or the selector names no line (no invoice) of the inputs
        """
}
