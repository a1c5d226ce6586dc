import Testing

@testable import RemitMatch

@Suite struct CombinationSearchTests {
    let search = CombinationSearch(maxSetSize: 5, maxSteps: 10_000)

    @Test func findsTheOnlySet() {
        // 650 = 250 + 400 and nothing else (100 + 175 + 80 is its complement, 355).
        let result = search.run(amounts: [100, 250, 400, 175, 80], target: 650, below: 0)
        #expect(result.sets == [[1, 2]])
        #expect(result.complete)
    }

    @Test func reportsEverySetThatFitsInInputOrder() {
        let result = search.run(amounts: [210, 290, 140, 360, 75], target: 500, below: 0)
        #expect(result.sets == [[0, 1], [2, 3]])
        #expect(result.complete)
    }

    @Test func singleInvoicesAreSetsToo() {
        let result = search.run(amounts: [725, 725, 90], target: 725, below: 0)
        #expect(result.sets == [[0], [1]])
    }

    @Test func aShortPayWithinToleranceFits() {
        // Paid 645, tolerance 5: sums from 645 to 650 fit.
        let result = search.run(amounts: [100, 250, 400], target: 650, below: 5)
        #expect(result.sets == [[1, 2]])
        #expect(search.run(amounts: [100, 250, 400], target: 649, below: 4).sets.isEmpty)
    }

    @Test func theSetSizeBoundIsKept() {
        let ones = Array(repeating: Int64(1), count: 6)
        let small = CombinationSearch(maxSetSize: 2, maxSteps: 10_000)
        #expect(small.run(amounts: ones, target: 3, below: 0).sets.isEmpty)
        #expect(small.run(amounts: ones, target: 2, below: 0).sets.count == 3)  // stops at three: ambiguous already
    }

    @Test func theStepBoundStopsTheSearchAndSaysSo() {
        let amounts = (1...40).map { Int64($0 * 7 + 3) }
        let tight = CombinationSearch(maxSetSize: 5, maxSteps: 50)
        let result = tight.run(amounts: amounts, target: 701, below: 0)
        #expect(!result.complete)
        #expect(result.steps == 50)
        let again = tight.run(amounts: amounts, target: 701, below: 0)
        #expect(again == result)
    }

    @Test func nothingFitsANonPositiveTarget() {
        #expect(search.run(amounts: [5], target: 0, below: 0).sets.isEmpty)
        #expect(search.run(amounts: [], target: 5, below: 0).sets.isEmpty)
    }
}
