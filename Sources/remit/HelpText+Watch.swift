extension HelpText {
    static let watch = """
        remit watch: process every file dropped into a folder, one report folder per file.

        USAGE
          remit watch INBOX --invoices PATH --out DIR [options]

        Runs in the foreground until SIGINT or SIGTERM. Files already in INBOX are processed at start-up,
        then each file closed after writing or moved in. Hidden files and temporary names (.part, .tmp,
        ~) are left alone. Each file is reconciled against the invoice export; its outputs go to
        DIR/NAME/ and the file moves to INBOX/processed/, INBOX/failed/ (with NAME.error.txt),
        INBOX/duplicates/ (content seen before) or INBOX/quarantine/ (links and special files).
        .gz files and .zip archives are expanded first. One log line per file on stderr.

        OPTIONS
          --invoices PATH          the ERP export, or a folder of exports (the newest complete one) (required)
          --out DIR                output folder, created if missing                      (required)
          --invoice-layout NAME|PATH   layout of the export                               (default generic)
          --ledger PATH            the SQLite ledger                        (default DIR/ledger.sqlite3)
          --history FILE           remember each file's payments in this SQLite file, so a payment
                                   resent in a later file is set aside, not applied twice
          --log-format text|json   log line format                                        (default text)
          --log-level LEVEL        trace, debug, info, notice, warning, error             (default info)
          --shutdown-timeout SECS  how long SIGTERM may take to finish the file in hand   (default 30)
          --settle-ms MS           a file found at start-up is taken once unchanged this long (default 1000)
          --workers N              files handled at once (each output is the same either way)  (default 1)
          --once                   process what is in INBOX, then exit
          --strict, --currency CODE, --mappings DIR, --run-time TIME   as for remit reconcile
          -h, --help               show this help

        EXIT CODES
          0   stopped by SIGINT or SIGTERM (or --once finished) after finishing the file in hand
          1   the stop timed out; 130/143: a second signal. A restart finishes the interrupted file.
          2   could not start or go on: no inbox, the ledger or DIR not writable, or (with --once) no
              usable invoice export; without --once, files wait in the inbox for an export
          64  usage error: the command line was wrong
        """

    static let status = """
        remit status: show what the watch ledger holds.

        USAGE
          remit status --out DIR [--ledger PATH] [--json]

        One line per input: outcome, name, SHA-256 prefix, size, times, format, records, outputs and where
        the file was moved, with its errors below it; then duplicates and a totals line.

        OPTIONS
          --out DIR                the watch output folder (the ledger is DIR/ledger.sqlite3)
          --ledger PATH            the ledger, when it is elsewhere
          --json                   one JSON object per line instead
          -h, --help               show this help
        """
}
