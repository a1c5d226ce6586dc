import RemitCore

/// Every problem the X12 reader reports, built in one place so codes and wording stay consistent.
///
/// Codes are stable (`x12.se-count`, `x12.amount`, ...) and listed in `docs/x12.md`. Messages quote the
/// offending value; locations name the segment and, where one is at fault, the element.
enum X12Diagnostics {
    // MARK: Syntax

    static func segmentTooLong(at location: SourceLocation, segmentIndex: Int, limit: Int) -> Diagnostic {
        var place = location
        place.segmentIndex = segmentIndex
        return Diagnostic(
            .error, code: "x12.segment-too-long",
            "segment runs over \(limit) bytes without a segment terminator; skipped up to the next terminator",
            at: place, hint: "check that the file is X12 and that the ISA header declares the terminator in use")
    }

    static func notUTF8(_ byte: UInt8, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.not-utf8",
            "byte 0x" + String(byte, radix: 16, uppercase: true) + " is not UTF-8; values show it (and any other "
                + "such byte in this interchange) as U+FFFD",
            at: location, hint: "reported once per interchange; the sender may write Latin-1 or Windows-1252")
    }

    static func emptySegment(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.empty-segment", "empty segment (two terminators in a row); ignored", at: location)
    }

    static func malformedHeader(_ reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "x12.isa", reason + "; the interchange cannot be read", at: location,
            hint: "an ISA header has 16 elements after `ISA`, then the segment terminator")
    }

    static func version003010(version: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "x12.version-003010",
            "820 in the 003010 layout (BPS and RMT segments\(version.map { ", GS08 \($0)" } ?? "")) is not read; "
                + "the transaction set is rejected",
            at: location, hint: "ask the sender for version 003050 or later (BPR and RMR segments)")
    }

    static func reasonWithoutAmount(_ code: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.rmr-reason-without-amount",
            "RMR07 gives reason code '\(code)' but RMR08 no amount; no deduction is made of it", at: location)
    }

    static func numericDelimiter(_ which: [String], cuts: Bool, at location: SourceLocation) -> Diagnostic {
        let list = which.joined(separator: " and ")
        return cuts
            ? Diagnostic(
                .error, code: "x12.numeric-delimiter",
                "the ISA header makes the \(list), a character numbers are written with: an amount or number holding "
                    + "it is cut there, so values of this interchange may be wrong",
                at: location, hint: "ask the sender to use delimiters that never occur in data, e.g. * and ~")
            : Diagnostic(
                .warning, code: "x12.numeric-delimiter",
                "the ISA header makes the \(list), a character numbers are written with; composite and repeated "
                    + "values holding it are split there",
                at: location)
    }

    static func lineBreakInSegment(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.wrapped",
            "line break inside a segment: the interchange is read with its line breaks left out "
                + "(a file hard-wrapped at a fixed width)",
            at: location, hint: "reported once per interchange; values are read as if each segment were on one line")
    }

    static func irregularHeader(layout: ISAHeaderScanner.Layout, at location: SourceLocation) -> Diagnostic {
        let length = layout.separators[15] + 3
        var message = "ISA header is \(length) bytes up to its terminator where the fixed widths give 106"
        if layout.spacesBeforeTerminator > 0 {
            message = "ISA header has \(layout.spacesBeforeTerminator) space(s) between ISA16 and the terminator"
        }
        return Diagnostic(
            .warning, code: "x12.isa-layout", message + "; delimiters were read by counting separators",
            at: location)
    }

    static func strayText(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "x12.outside-interchange",
            "text outside any interchange where an ISA header was expected: '\(text)'; skipped up to the next ISA",
            at: location)
    }

    // MARK: Envelopes

    static func controlMismatch(
        trailer: String, header: String, headerValue: String, trailerValue: String, at location: SourceLocation,
        strict: Bool
    ) -> Diagnostic {
        Diagnostic(
            strict ? .error : .warning, code: "x12.control-number",
            "\(trailer) '\(trailerValue)' does not match \(header) '\(headerValue)'", at: location,
            hint: "the trailer must repeat the header's control number")
    }

    static func countMismatch(
        element: String, stated: String, actual: Int, what: String, at location: SourceLocation, strict: Bool
    ) -> Diagnostic {
        let code =
            switch element {
            case "SE01": "x12.se-count"
            case "GE01": "x12.ge-count"
            default: "x12.iea-count"
            }
        return Diagnostic(
            strict ? .error : .warning, code: code, "\(element) says '\(stated)' but \(actual) \(what)",
            at: location)
    }

    static func missingTrailer(
        _ trailer: String, opened header: String, control: String, openedAt opening: SourceLocation,
        before reason: String, at location: SourceLocation
    ) -> Diagnostic {
        let code =
            switch trailer {
            case "SE": "x12.se-missing"
            case "GE": "x12.ge-missing"
            default: "x12.iea-missing"
            }
        let place = "segment \(opening.segmentIndex ?? 0), line \(opening.line)"
        return Diagnostic(
            .error, code: code,
            "\(header) with control number '\(control)' (\(place)) has no \(trailer) \(reason)", at: location)
    }

    static func unexpectedSegment(_ id: String, reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "x12.unexpected-segment", "\(id) segment \(reason); ignored", at: location)
    }

    /// An envelope segment out of place whose contents are still read (an ST with no GS before it).
    static func misplacedEnvelope(_ id: String, reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "x12.unexpected-segment", "\(id) segment \(reason); read anyway", at: location)
    }

    static func unsupportedSet(_ setID: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.unsupported-set",
            "transaction set \(setID) is not an 820 or 812; Remit reads remittance advice only", at: location)
    }

    static func functionalGroupMismatch(
        setID: String, functionalID: String, expected: String, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.group-mismatch",
            "transaction set \(setID) sits in a group with GS01 '\(functionalID)' (\(expected) expected); read anyway",
            at: location)
    }

    static func unknownVersion(_ version: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .note, code: "x12.version",
            "group version '\(version ?? "")' is not a number; ADX amounts are read with the 003050+ sign "
                + "(negative reduces the payment)",
            at: location)
    }

    // MARK: 820 content

    static func badAmount(
        _ element: String, value: String, reason: String, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, code: "x12.amount", "\(element) '\(value)' is not an amount: \(reason)", at: location,
            hint: "X12 amounts are digits with an optional leading '-' and at most one '.'")
    }

    static func missingElement(_ element: String, meaning: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "x12.missing-element", "\(element) (\(meaning)) is missing", at: location)
    }

    static func missingPaymentHeader(found id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "x12.bpr-missing", "820 has no BPR (payment amount) before its first \(id) segment",
            at: location, hint: "an 820 starts with ST then BPR")
    }

    static func overflow(_ what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "x12.overflow", "\(what) overflows 18 digits", at: location)
    }

    static func badDate(_ element: String, value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.date", "\(element) '\(value)' is not a date (CCYYMMDD or YYMMDD); left empty",
            at: location)
    }

    static func badCurrency(_ value: String, fallback: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.currency", "CUR02 '\(value)' is not an ISO 4217 code; using \(fallback)",
            at: location)
    }

    static func badCreditDebitFlag(_ value: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.credit-debit",
            "BPR03 '\(value ?? "")' is neither C (credit) nor D (debit); read as a credit", at: location)
    }

    static func missingPaidAmount(reference: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.rmr-amount", "RMR for '\(reference)' has no RMR04 (amount paid); read as 0",
            at: location)
    }

    static func missingReference(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.rmr-reference", "RMR has no RMR02 (reference); the line cannot be matched",
            at: location)
    }

    static func incompleteReference(_ missing: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.ref", "heading REF has no \(missing); not kept as a payment reference", at: location,
            hint: "REF01 is the qualifier, and REF02 or REF03 must be given")
    }

    static func tooManyReferences(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.ref-limit",
            "more than \(limit) heading REF segments in one 820; this one and later ones are not kept", at: location)
    }

    static func repeatedSegment(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "x12.repeated-segment", "second \(id) in one 820; ignored", at: location)
    }

    static func lateHeadingSegment(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.late-heading",
            "\(id) after the first ENT/RMR/ADX; the payment was already read, so it is ignored", at: location)
    }

    static func imbalance(
        stated: Money, lines: Money, adjustments: Money, difference: Money, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.imbalance",
            "BPR02 \(stated) differs from RMR04 total \(lines) plus ADX01 total \(adjustments) (ADX outside any RMR) "
                + "by \(difference)",
            at: location, hint: "the payer's remittance does not add up; ask them which figure is right")
    }
}

// MARK: 812 content

extension X12Diagnostics {
    static func missingMemoHeader(found id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "x12.bcd-missing", "812 has no BCD (memo number and amount) before its first \(id) segment",
            at: location, hint: "an 812 starts with ST then BCD")
    }

    static func missingMemoNumber(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.memo-number",
            "BCD02 (credit/debit memo number) is missing; the memo cannot be linked to the payment that takes it",
            at: location)
    }

    static func repeatedSegment(_ id: String, in setID: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "x12.repeated-segment", "second \(id) in one \(setID); ignored", at: location)
    }

    static func missingLineAmount(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.cdd-amount",
            "CDD has no CDD04 (adjustment amount) and no CDD07 quantity with a CDD09 or CDD11 price; its deduction "
                + "is read as 0",
            at: location)
    }

    static func pricedLine(_ computation: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .note, code: "x12.cdd-priced", "CDD has no CDD04; its amount is \(computation)", at: location)
    }

    static func badMemoFlag(_ element: String, value: String?, fallback: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .warning, code: "x12.credit-debit",
            "\(element) '\(value ?? "")' is neither C (credit) nor D (debit); read as \(fallback)", at: location)
    }

    static func explicitDecimalPoint(_ element: String, value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.implied-decimal",
            "\(element) '\(value)' has a decimal point where two implied decimals are expected; read as written",
            at: location, hint: "\(element) is written in cents: 4400 is 44.00")
    }

    static func memoImbalance(stated: Money, lines: Money, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "x12.memo-imbalance",
            "BCD04 \(stated) (signed by BCD05) differs from the CDD04 total \(lines) (each signed by its CDD02)",
            at: location, hint: "the memo does not add up; each CDD line is kept as its own deduction")
    }
}
