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

        Reads remittance and bank files (X12 820 and 812, BAI2, ISO 20022 camt.053/camt.054/remt.001, NACHA
        ACH), turns them into canonical payments, remittance lines and deductions, matches them against an ERP
        invoice export, pairs bank credits with remittances, and writes records and a reconciliation report
        an auditor can sign.

        USAGE
          remit reconcile --invoices FILE [options] INPUT...
          remit explain --invoices FILE (--line ID | --reference REF | --invoice NUMBER) INPUT...
          remit convert [options] INPUT...
          remit watch INBOX --invoices PATH --out DIR [options]
          remit status --out DIR
          remit ack [options] X12FILE...
          remit help [COMMAND]
          remit --version

        COMMANDS
          reconcile   match remittance inputs against an invoice export and write the report
          explain     say, rule by rule, why a line or an invoice was matched as it was
          convert     stream the canonical records of any supported input as JSON Lines or CSV
          watch       process every file dropped into a folder, as a service, with a ledger
          status      show what the watch ledger holds
          ack         write a 997 (or 999) functional acknowledgment for every interchange received

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
          --run-time TIME          the run time recorded in the manifest, ISO 8601 UTC; its date is
                                   the as-of date open deductions are aged to
                                   (default: SOURCE_DATE_EPOCH if set, else now)
          --auto-apply-score N     apply a match finding scoring at least N, 0-101 (101: apply
                                   nothing, only suggest); see docs/matching.md        (default 85)
          --suggest-score N        suggest a finding scoring at least N, not above the
                                   auto-apply score                                     (default 50)
          --name-similarity N      how alike (0-100) a payer's name must be to one export
                                   customer's to be taken as it; 101 turns this off     (default 85)
          --combination-max-set-size N
                                   most invoices in one combination, 0 turns the search off
                                                                                        (default 5)
          --combination-max-steps N
                                   most search steps per line; past it nothing is applied
                                                                                   (default 200000)
          --combination-max-candidates N
                                   most open invoices of one payer the search considers (default 60)
          --report-rows N          most rows each long table of report.html lists; counts and totals
                                   cover every row, and the CSV and JSON outputs hold every one;
                                   0 lists all                                           (default 1000)
          --history FILE           a SQLite file remembering the payments of earlier runs (created
                                   if missing): a payment sent again in a later file is set aside
                                   as duplicate-payment, not applied twice
          -h, --help               show this help

        OUTPUTS in DIR
          deductions.jsonl, deductions.csv   one canonical record per deduction
          deduction-register.csv             the deductions still open, with their date, age and age bucket
          matches.jsonl, matches.csv         one row per remittance line: invoice, outcome, rule, evidence
          open-invoices.csv                  invoices the run left open
          reassociation.jsonl, .csv          which bank credit funds which remittance, and what is unpaired
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

    static let ack = """
        remit ack: write a functional acknowledgment for every X12 interchange received.

        USAGE
          remit ack [options] X12FILE...

        OPTIONS
          -o, --out DIR            folder for the acknowledgments                         (default .)
          --999                    answer 005010X groups with a 999 instead of a 997
          --counter FILE           file holding the last control number used
                                   (default DIR/.remit-ack-control-number)
          --run-time TIME          ISO 8601 UTC time written into the acknowledgments     (default now,
                                   or SOURCE_DATE_EPOCH)
          -h, --help               show this help

        Each interchange gets DIR/FILE.ISA13.997 (and .999): per group AK1/AK9, per transaction set AK2/AK5
        with A (accepted), E (accepted with errors) or R (rejected), and for each error the segment (AK3)
        and element (AK4). Control numbers come from the counter file, which survives restarts.

        EXIT CODES
          0   every input was acknowledged (an acknowledgment may still reject what it answers)
          1   some input could not be acknowledged (not X12, unreadable, no functional group)
          2   an acknowledgment or the counter file could not be written
          64  usage error: the command line was wrong
        """
}

