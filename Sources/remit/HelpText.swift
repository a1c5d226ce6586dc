/// The text of `remit --help` and of each command's `--help`.
enum HelpText {
    static let exitCodes = """
        EXIT CODES
          0   success: every input was read and used (warnings may have been printed)
          1   finished and wrote its outputs, but some input was rejected (see the errors on stderr)
          2   could not finish: the invoice export could not be read, an output could not be written,
              or the mappings folder is missing or broken
          64  usage error: the command line was wrong
        """

    static let main = """
        remit: deduction management for order-to-cash.

        Reads remittance and bank files (X12 820 and 812, BAI2, ISO 20022 camt.053/camt.054/remt.001),
        turns them into canonical payments, remittance lines and deductions, matches them against an ERP
        invoice export, and writes records and a reconciliation report an auditor can sign.

        USAGE
          remit reconcile --invoices FILE [options] INPUT...
          remit convert [options] INPUT...
          remit help [COMMAND]
          remit --version

        COMMANDS
          reconcile   match remittance inputs against an invoice export and write the report
          convert     stream the canonical records of any supported input as JSON Lines or CSV

        Problems are printed to stderr as path:line:column: severity: message.

        \(exitCodes)
        """

    static let reconcile = """
        remit reconcile: match remittance inputs against an invoice export and write the report.

        USAGE
          remit reconcile --invoices FILE [options] INPUT...

        OPTIONS
          --invoices FILE          the ERP open-items export (CSV)                        (required)
          --invoice-layout NAME|PATH
                                   layout of the export: a name under mappings/layouts/ or a
                                   path to a layout file                                    (default generic)
          --out DIR                output folder, created if missing                      (default out)
          --strict                 treat warnings (count mismatches, imbalances) as errors and leave
                                   out every transaction that had one
          --currency CODE          currency when a remittance names none                  (default USD)
          --mappings DIR           folder of crosswalks, layouts and partners (default: REMIT_MAPPINGS,
                                   else a mappings/ folder beside or above the executable,
                                   else ./mappings)
          --run-time TIME          the run time recorded in the manifest, ISO 8601 UTC
                                   (default: SOURCE_DATE_EPOCH if set, else now)
          -h, --help               show this help

        OUTPUTS in DIR
          deductions.jsonl, deductions.csv   one canonical record per deduction
          matches.jsonl, matches.csv         one row per remittance line: invoice, outcome, rule, evidence
          open-invoices.csv                  invoices the run left open
          summary.json                       control totals per input file and overall
          report.html                        the reconciliation report for auditors

        \(exitCodes)
        """

    static let convert = """
        remit convert: stream the canonical records of any supported input.

        USAGE
          remit convert [options] INPUT...

        OPTIONS
          --to jsonl|csv           output format                                          (default jsonl)
          -o, --output PATH        write to PATH instead of standard output
          --strict                 treat warnings as errors and leave out every transaction that had one
          --currency CODE          currency when a remittance names none                  (default USD)
          --mappings DIR           folder of crosswalks (see remit reconcile --help)
          -h, --help               show this help

        Records of a transaction are written when the transaction closes, so a rejected transaction is
        left out; each is reported on stderr.

        \(exitCodes)
        """
}
