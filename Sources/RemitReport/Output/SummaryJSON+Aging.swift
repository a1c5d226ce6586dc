import RemitCore

extension SummaryJSON {
    /// `open_deductions`: the open deductions aged as of the run's date, per bucket, category and payer.
    static func openDeductions(_ aging: DeductionAging, into writer: inout JSONWriter) {
        writer.key("open_deductions")
        writer.beginObject()
        writer.field("as_of", aging.asOf?.description)
        writer.field("count", aging.total.count)
        writer.moneyList("total", aging.total.total)
        agingBuckets(aging.total, into: &writer)
        writer.key("by_category")
        writer.beginArray()
        for row in aging.byCategory {
            writer.beginObject()
            writer.field("category", row.key)
            writer.field("count", row.count)
            writer.moneyList("total", row.total)
            agingBuckets(row, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("by_payer")
        writer.beginArray()
        for row in aging.byPayer {
            writer.beginObject()
            writer.field("payer", row.key)
            writer.field("payer_id", row.id)
            writer.field("count", row.count)
            writer.moneyList("total", row.total)
            agingBuckets(row, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.field("linked_to_memos_count", aging.linkedToMemos.count)
        writer.moneyList("linked_to_memos_total", MoneyTotals(aging.linkedToMemos.map(\.amount)).values)
        writer.field("of_repeated_payments_count", aging.ofRepeatedPayments.count)
        writer.moneyList(
            "of_repeated_payments_total", MoneyTotals(aging.ofRepeatedPayments.map(\.amount)).values)
        writer.moneyList("written_off_total", aging.writtenOff)
        writer.endObject()
    }

    /// `"by_age":[{"bucket":"0-30","count":2,"amounts":[…]},…]`, every bucket, in order.
    private static func agingBuckets(_ row: AgingRow, into writer: inout JSONWriter) {
        writer.key("by_age")
        writer.beginArray()
        for bucket in AgeBucket.allCases {
            writer.beginObject()
            writer.field("bucket", bucket.rawValue)
            writer.field("count", row.count(in: bucket))
            writer.moneyList("amounts", row.amounts(in: bucket))
            writer.endObject()
        }
        writer.endArray()
    }

    /// `auto_match`: lines applied automatically over all lines, and the amount rate per currency.
    static func autoMatch(_ rate: AutoMatchRate, into writer: inout JSONWriter) {
        writer.key("auto_match")
        writer.beginObject()
        writer.field("lines_applied", rate.linesApplied)
        writer.field("lines", rate.lines)
        writer.field("lines_percent", rate.linePercent)
        writer.key("amounts")
        writer.beginArray()
        for amounts in rate.amounts {
            writer.beginObject()
            writer.field("currency", amounts.currency)
            writer.money("applied", amounts.applied)
            writer.money("total", amounts.total)
            writer.field("percent", amounts.percent)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
