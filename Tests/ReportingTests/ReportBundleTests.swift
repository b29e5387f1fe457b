import Foundation
import InfraModel
import Planning
import Reporting
import Scenario
import Testing

@Suite struct ReportBundleTests {
    @Test func fixturePlanBuysForBothAgenciesInBothYears() throws {
        let f = try reportFixture.get()
        #expect(Set(f.plan.agencies.map(\.id)) == ["ops", "net"])
        let items = f.plan.agencies.flatMap(\.items)
        #expect(Set(items.map(\.year)) == [2025, 2026])
        #expect(items.contains { $0.kind == .servers } && items.contains { $0.kind == .bandwidth })
    }

    @Test func writesEveryFileAndReturnsThePaths() throws {
        let f = try reportFixture.get()
        let base = temporaryFolder("files")
        let dir = base + "/nested/out"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let paths = try ReportBundle.write(plan: f.plan, scenario: f.scenario, to: dir, language: .en)
        for name in ["index.html", "report.md", "procurement.csv", "capacity.csv", "pools.csv", "links.csv", "targets.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + name), "\(name) missing")
            #expect(paths.contains(dir + "/" + name))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func rewritingAnExistingBundleReplacesEveryFile() throws {
        let f = try reportFixture.get()
        let dir = temporaryFolder("rewrite")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReportBundle.write(plan: f.plan, scenario: f.scenario, to: dir, language: .en)
        #expect(try read(dir + "/index.html").contains("lang=\"en\""))
        try ReportBundle.write(plan: f.plan, scenario: f.scenario, to: dir, language: .vi)
        #expect(try read(dir + "/index.html").contains("lang=\"vi\""))
        #expect(try read(dir + "/report.md").contains("Tóm tắt"))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == ReportBundle.fileNames.sorted())
    }

    @Test func htmlAndMarkdownMentionEveryAgencyAndItem() throws {
        let f = try reportFixture.get()
        for language in ReportLanguage.allCases {
            let files = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: language))
            for name in ["index.html", "report.md"] {
                let text = try #require(files[name])
                for a in f.scenario.agencies {
                    #expect(text.contains(a.name), "\(name) (\(language)) lacks agency \(a.name)")
                    #expect(text.contains(a.id), "\(name) (\(language)) lacks agency id \(a.id)")
                }
                for a in f.plan.agencies {
                    for i in a.items {
                        #expect(text.contains(i.resource.id) && text.contains(String(i.year)),
                                "\(name) (\(language)) lacks \(i.resource) \(i.year)")
                    }
                }
            }
        }
    }

    @Test func htmlIsSelfContained() throws {
        let f = try reportFixture.get()
        for language in ReportLanguage.allCases {
            let files = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: language))
            let html = try #require(files["index.html"])
            #expect(!html.contains("http://") && !html.contains("https://"))
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("<link") && !html.contains("src=") && !html.contains("url(") && !html.contains("@import"))
            #expect(html.contains("<svg") && html.contains("@page { size: A4; margin: 15mm; }"))
            // Four charts: demand per pool (one pool), utilisation, latency, cost.
            #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
            // Scenario text is escaped.
            #expect(html.contains("one pool &amp; one link &lt;test&gt; &quot;quoted&quot;"))
            #expect(!html.contains("<test>"))
        }
    }

    @Test func procurementCSVReadsBackToThePlanItems() throws {
        let f = try reportFixture.get()
        let text = ReportCSV.procurement(f.plan)
        let (header, rows) = records(text)
        for column in ["year", "kind", "resource", "site", "quantity", "unit_cost", "cost", "opex_per_year", "bandwidth_bps",
                       "agency", "to_site", "reason", "utilization_before", "utilization_after"] {
            #expect(header.contains(column), "missing column \(column)")
        }
        let items = f.plan.agencies.flatMap(\.items)
        #expect(rows.count == items.count)
        for (row, item) in zip(rows, items) {
            #expect(row["year"].flatMap { Int($0) } == item.year)
            #expect(row["agency"] == item.agency)
            #expect(row["kind"] == item.kind.rawValue)
            #expect(row["resource"] == item.resource.id)
            #expect(row["quantity"].flatMap { Int($0) } == item.quantity)
            #expect(row["cost"].flatMap { Double($0) } == item.cost)
            #expect(row["unit_cost"].flatMap { Double($0) } == item.unitCost)
            #expect(row["opex_per_year"].flatMap { Double($0) } == item.opexPerYear)
            #expect(row["bandwidth_bps"].flatMap { Double($0) } == item.bandwidthBps)
            #expect(row["reason"] == ReportLanguage.en.reason(item.reason))
        }
        let costs = rows.compactMap { $0["cost"] }
        #expect(costs.allSatisfy { !$0.contains(",") && !$0.contains("e") })
    }

    @Test func csvNumbersArePlainInEveryLanguage() throws {
        let f = try reportFixture.get()
        let en = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .en))
        let vi = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .vi))
        for name in ["procurement.csv", "capacity.csv", "pools.csv", "links.csv", "workloads.csv", "targets.csv"] {
            #expect(en[name] == vi[name], "\(name) differs between languages")
            let rows = parseCSV(try #require(en[name]))
            #expect(rows.count >= 2, "\(name) has no data rows")
            #expect(Set(rows.map(\.count)).count == 1, "\(name) has ragged rows")
        }
        let targets = records(try #require(en["targets.csv"]))
        #expect(targets.header == ["year", "subject", "metric", "limit", "value", "bound", "met"])
        #expect(targets.rows.count == f.plan.capacity.reduce(0) { $0 + $1.results.targets.count })
        #expect(targets.rows.allSatisfy { Double($0["limit"] ?? "") != nil && ["true", "false"].contains($0["met"] ?? "") })
    }

    @Test func vietnameseReportUsesVietnameseStringsAndDong() throws {
        let f = try reportFixture.get()
        let files = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .vi))
        let html = try #require(files["index.html"])
        let md = try #require(files["report.md"])
        #expect(html.contains("<html lang=\"vi\">"))
        let dong = try Regex(#"[0-9]{1,3}(\.[0-9]{3})+ ₫"#)
        #expect(html.contains(dong))
        #expect(md.contains(dong))
        for phrase in ["Tóm tắt", "Kế hoạch mua sắm", "Cơ quan", "Năm", "Số lượng", "Đơn giá", "Thành tiền", "Lý do", "Giả định", "Phương pháp"] {
            #expect(html.localizedCaseInsensitiveContains(phrase), "missing \(phrase)")
        }
        #expect(!html.contains(" VND<") && !html.contains("Executive summary"))
        let total = ReportLanguage.vi.money(f.plan.totalCost, currency: "VND")
        #expect(html.contains(total) && md.contains(total))
    }

    @Test func englishReportUsesCommaGroupingAndCurrencyCode() throws {
        let f = try reportFixture.get()
        let files = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .en))
        let html = try #require(files["index.html"])
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains(try Regex(#"[0-9]{1,3}(,[0-9]{3})+ VND"#)))
        #expect(html.contains(ReportLanguage.en.money(f.plan.totalCost, currency: "VND")))
        #expect(!html.contains("₫"))
    }

    @Test func assumptionsRegisterListsEveryInputAndMarksAssumptions() throws {
        let f = try reportFixture.get()
        let files = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .en))
        let html = try #require(files["index.html"])
        for input in f.scenario.inputs { #expect(html.contains("<code>\(input.path)</code>"), "missing \(input.path)") }
        let marked = f.scenario.inputs.filter(ReportBundle.isAssumption).map(\.path)
        #expect(Set(marked) == ["simulation.duration", "workloads.portal.arrivals.rate"])
        #expect(html.components(separatedBy: "<tr class=\"assumption\">").count - 1 == marked.count)
        // The URL in a source comment is shown without forming a URL in the page.
        #expect(html.contains("https&#58;//example.org/prices"))
        let csv = records(try #require(files["assumptions.csv"]))
        #expect(csv.rows.count == f.scenario.inputs.count)
    }

    @Test func methodStatementStatesTheDecisionRule() throws {
        let f = try reportFixture.get()
        let files = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .en))
        let html = try #require(files["index.html"])
        #expect(html.contains("upper end of its 95% interval is within the limit"))
        #expect(html.contains("seed 7"))
        #expect(html.contains("\(f.plan.simulations) simulations"))
    }

    @Test func renderingIsDeterministic() throws {
        let f = try reportFixture.get()
        let a = ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .vi)
        let b = ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .vi)
        #expect(a.map(\.1) == b.map(\.1))
    }

    @Test func unwritableFolderThrowsAndLeavesNothing() throws {
        let f = try reportFixture.get()
        let base = temporaryFolder("unwritable")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let blocker = base + "/file"
        try "not a folder".write(toFile: blocker, atomically: false, encoding: .utf8)
        for target in [blocker, blocker + "/out"] {
            #expect(throws: AtomicFile.Failure.self) {
                try ReportBundle.write(plan: f.plan, scenario: f.scenario, to: target, language: .en)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["file"])
        #expect(try read(blocker) == "not a folder")
    }
}

@Suite struct ReportFormattingTests {
    @Test func csvFieldsAreQuotedPerRFC4180() {
        #expect(ReportCSV.field("plain") == "plain")
        #expect(ReportCSV.field("a,b") == "\"a,b\"")
        #expect(ReportCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportCSV.field("two\nlines") == "\"two\nlines\"")
        let text = ReportCSV.render(header: ["x", "y"], rows: [["a,b", "say \"hi\""], ["two\nlines", ""]])
        #expect(text.hasSuffix("\r\n"))
        #expect(parseCSV(text) == [["x", "y"], ["a,b", "say \"hi\""], ["two\nlines", ""]])
    }

    @Test func csvNumbersHaveNoExponentOrGrouping() {
        #expect(ReportCSV.number(1_250_000_000) == "1250000000")
        #expect(ReportCSV.number(0.5) == "0.5")
        #expect(ReportCSV.number(1.5e-5) == "0.000015")
        #expect(ReportCSV.number(-2.5e-7) == "-0.00000025")
        #expect(ReportCSV.number(1.25e20) == "125000000000000000000")
        #expect(ReportCSV.number(.infinity) == "")
        #expect(Double(ReportCSV.number(0.1 + 0.2)) == 0.1 + 0.2)
    }

    @Test func planReasonsAreWrittenFromTypedValuesInEachLanguage() {
        let missed = TargetResult(target: Target(subject: .pool("web"), metric: .maxUtilization, limit: 0.8),
                                  value: 0.806, bound: 0.81, met: false)
        let target = PurchaseReason(.missedTarget(missed), kind: .pool)
        #expect(ReportLanguage.en.reason(target) == "with one server fewer, the utilisation of pool web would be 80.6% (limit 80.0%)")
        #expect(ReportLanguage.vi.reason(target) == "nếu bớt 1 máy chủ, mức sử dụng của cụm máy chủ web sẽ là 80,6% (giới hạn 80,0%)")
        let reserve = PurchaseReason(.utilizationLimit(limit: 0.7, offered: 9.69), kind: .pool, reserve: 1)
        #expect(ReportLanguage.en.reason(reserve) == "utilisation target 70% with 9.69 servers of offered load, plus 1 in reserve (n+1)")
        #expect(ReportLanguage.vi.reason(reserve)
                == "mục tiêu mức sử dụng 70% với tải yêu cầu tương đương 9,69 máy chủ, cộng 1 máy chủ dự phòng (n+1)")
        #expect(ReportLanguage.en.reason(PurchaseReason(.installed, kind: .pool)) == "already installed")
        #expect(ReportLanguage.vi.reason(PurchaseReason(.installed, kind: .pool)) == "đã lắp đặt từ trước")
        let link = PurchaseReason(.stability(offered: 6.4e6), kind: .link)
        #expect(ReportLanguage.en.reason(link) == "stability: 6.4 Mbit/s offered")
        #expect(ReportLanguage.vi.reason(link) == "điều kiện ổn định hàng đợi: lưu lượng yêu cầu 6,4 Mbit/s")
    }

    @Test func moneyFollowsTheLanguage() {
        #expect(ReportLanguage.en.money(1_250_000_000, currency: "VND") == "1,250,000,000 VND")
        #expect(ReportLanguage.vi.money(1_250_000_000, currency: "VND") == "1.250.000.000 ₫")
        #expect(ReportLanguage.vi.money(1_250_000, currency: "USD") == "1.250.000 USD")
        #expect(ReportLanguage.vi.money(999, currency: "VND") == "999 ₫")
        #expect(ReportLanguage(rawValue: "vi") == .vi && ReportLanguage.vi.code == "vi")
    }
}
