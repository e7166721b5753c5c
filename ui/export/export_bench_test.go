package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	rtmetrics "runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/models/report"
)

// Benchmarks: a 10,000-provision summary and a comparison of two
// 10,000-provision drafts, to each format. The data is generated: mixed
// kinds with valid terms, Latin and Cyrillic wording of 30–80 words, and a
// later draft in which about a fifth of the provisions change (terms,
// wording, parties, status) and a few are added or removed.
//
// Targets on a 2-core machine: Markdown and CSV under 100 ms and 50 MB
// allocated per export; the PDF, of 1,000 provisions, under 2 s and 64 MB
// of peak heap (BenchmarkSummaryPDF1000).

var (
	genParties = []string{"UA", "RU", "US", "EU", "NATO", "UK", "FR", "DE", "PL", "TR", "IAEA", "CN"}
	genLatin   = strings.Fields(`the parties agree that all forces shall withdraw from the line of contact
		within days after signing this agreement security guarantees for Ukraine Russia Europe and the United
		States a monitoring mission will oversee implementation sanctions are lifted in stages reconstruction
		fund frozen assets nuclear plant Zaporizhzhia under IAEA supervision elections held humanitarian
		exchange of prisoners all for all civilians children returned amnesty no claims`)
	genCyrillic = strings.Fields(`сторони погоджуються що всі війська мають відійти від лінії зіткнення
		протягом днів після підписання цієї угоди гарантії безпеки для України Росії Європи та Сполучених
		Штатів моніторингова місія наглядатиме за виконанням санкції скасовуються поетапно фонд відбудови
		заморожені активи Запорізька АЕС під наглядом МАГАТЕ вибори обмін полоненими всіх на всіх цивільні
		діти повертаються амністія п'ять`)
	genKinds = []string{"troop_cap", "security_guarantee", "territorial", "sanctions", "assets", "elections",
		"nuclear_facility", "humanitarian", "ceasefire", "demilitarized_zone", "alliance_membership", "other"}
)

type generator struct{ rng *rand.Rand }

func (g generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g generator) parties(lo, hi int) []string {
	perm := g.rng.Perm(len(genParties))[:lo+g.rng.IntN(hi-lo+1)]
	out := make([]string, len(perm))
	for i, j := range perm {
		out[i] = genParties[j]
	}
	return out
}

// text is 30–80 words, Latin or Cyrillic, with some commas.
func (g generator) text() string {
	words := genLatin
	if g.rng.IntN(2) == 0 {
		words = genCyrillic
	}
	var b strings.Builder
	for i := range 30 + g.rng.IntN(51) {
		if i > 0 {
			if g.rng.IntN(12) == 0 {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
		}
		b.WriteString(g.pick(words))
	}
	b.WriteByte('.')
	return b.String()
}

func (g generator) edit(s string) string {
	words := strings.Split(s, " ")
	for range 1 + g.rng.IntN(3) {
		i := g.rng.IntN(len(words))
		switch g.rng.IntN(3) {
		case 0:
			words[i] = g.pick(genCyrillic)
		case 1:
			words = append(words[:i], append([]string{g.pick(genLatin)}, words[i:]...)...)
		default:
			if len(words) > 2 {
				words = append(words[:i], words[i+1:]...)
			}
		}
	}
	return strings.Join(words, " ")
}

func (g generator) terms(kind string) any {
	yes := func() bool { return g.rng.IntN(2) == 0 }
	switch kind {
	case "troop_cap":
		return map[string]any{"party": g.pick(genParties), "limit": 100000 * (1 + g.rng.IntN(9)), "peacetime_only": yes()}
	case "security_guarantee":
		return map[string]any{"model": g.pick([]string{"article5_like", "bilateral_commitment", "reassurance_force"}),
			"guarantors": g.parties(1, 5), "duration_years": 1 + g.rng.IntN(30), "renewable": yes()}
	case "territorial":
		return map[string]any{"region": g.pick([]string{"Donetsk", "Luhansk", "Crimea", "Kherson", "Запоріжжя"}),
			"disposition":   g.pick([]string{"ceded", "recognized_de_facto", "frozen_at_line_of_contact", "negotiable"}),
			"recognized_by": g.parties(0, 3)}
	case "sanctions":
		return map[string]any{"target": "RU", "action": g.pick([]string{"lifted", "lifted_in_stages", "maintained", "snapback"}),
			"conditions": fmt.Sprintf("if the ceasefire holds for %d days", g.rng.IntN(300))}
	case "assets":
		return map[string]any{"owner": "RU", "amount_usd_bn": float64(g.rng.IntN(3000)) / 10,
			"disposition": g.pick([]string{"reconstruction_vehicle", "joint_vehicle", "remain_frozen"}), "profit_share_pct": 50}
	case "elections":
		return map[string]any{"country": "UA", "within_days": 30 + g.rng.IntN(300)}
	case "nuclear_facility":
		return map[string]any{"facility": "Запорізька АЕС", "management": g.pick([]string{"iaea_supervised", "joint", "national"}),
			"supervised_by": g.parties(1, 2), "output_split": "50/50"}
	case "humanitarian":
		return map[string]any{"measure": g.pick([]string{"prisoner_exchange", "civilian_return"}), "scope": "all_for_all", "includes_children": yes()}
	case "ceasefire":
		return map[string]any{"trigger": "on signature", "monitored_by": g.parties(0, 3), "minimum_days": 1 + g.rng.IntN(100)}
	case "demilitarized_zone":
		return map[string]any{"area": "Donetsk oblast west of the line", "excluded_forces": g.parties(1, 2), "width_km": float64(g.rng.IntN(500)) / 10}
	case "alliance_membership":
		return map[string]any{"alliance": "NATO", "candidate": "UA", "membership": g.pick([]string{"renounced", "barred", "open"})}
	}
	return map[string]any{"parties": g.parties(0, 4)}
}

func (g generator) provision(tb testing.TB, key string, point int) models.Provision {
	kind := g.pick(genKinds)
	p := models.Provision{Key: key, Kind: kind, Title: "Provision " + key + " " + g.pick(genCyrillic), Text: g.text(),
		Sourcing: g.pick(models.Sourcings.Values()), Sources: cite(fmt.Sprintf("Axios, %d Nov 2025", 1+g.rng.IntN(30)))}
	if point > 0 {
		p.Point = fmt.Sprint(point % 1000)
	}
	raw, err := json.Marshal(g.terms(kind))
	if err != nil {
		tb.Fatal(err)
	}
	for i, party := range g.parties(1, 3) {
		pp := models.ProvisionParty{Party: party, Role: models.Roles[i].Value, Stance: g.pick(models.Stances.Values())}
		if pp.Stance != "unknown" {
			pp.StanceSources = cite("Generated stance source")
		}
		p.Parties = append(p.Parties, pp)
	}
	return provision(tb, p, string(raw))
}

func (g generator) mutate(tb testing.TB, p models.Provision) models.Provision {
	p.Parties = append([]models.ProvisionParty(nil), p.Parties...)
	for range 1 + g.rng.IntN(3) {
		switch g.rng.IntN(8) {
		case 0, 1, 2:
			raw, _ := json.Marshal(g.terms(p.Kind))
			p.Terms = raw
		case 3, 4, 5:
			p.Text = g.edit(p.Text)
		case 6:
			p.Parties[0].Stance, p.Parties[0].StanceSources = g.pick(models.Stances.Values()), cite("Generated stance source")
		default:
			p.Status = g.pick(models.ProvisionStatuses.Values())
		}
	}
	return provision(tb, p, string(p.Terms))
}

func genDraft(tb testing.TB, g generator, id int64, n int) report.DraftProvisions {
	d := report.DraftProvisions{Draft: models.Draft{ID: id, PlanID: 1, Number: int(id), Label: "generated draft",
		Date: "2025-11-20", Status: "working", Sources: cite("Generated source"), Signatories: []string{"UA", "RU", "US"}}}
	for i := range n {
		point := i + 1
		if g.rng.IntN(20) == 0 {
			point = 0
		}
		p := g.provision(tb, fmt.Sprintf("p-%06d", i), point)
		p.ID = id*10_000_000 + int64(i)
		d.Provisions = append(d.Provisions, p)
	}
	return d
}

// nextDraft: ~20% changed, ~2% removed, ~2% added.
func nextDraft(tb testing.TB, g generator, prev report.DraftProvisions, id int64) report.DraftProvisions {
	d := report.DraftProvisions{Draft: prev.Draft}
	d.Draft.ID, d.Draft.Number, d.Draft.Label = id, int(id), "generated revision"
	for _, p := range prev.Provisions {
		switch r := g.rng.IntN(100); {
		case r < 2:
		case r < 22:
			d.Provisions = append(d.Provisions, g.mutate(tb, p))
		default:
			d.Provisions = append(d.Provisions, p)
		}
	}
	for i := range len(prev.Provisions) / 50 {
		d.Provisions = append(d.Provisions, g.provision(tb, fmt.Sprintf("n%d-%06d", id, i), 0))
	}
	return d
}

// generated returns a summary of an n-provision draft and its comparison
// with a revision of it.
func generated(tb testing.TB, n int) (report.Summary, report.Comparison) {
	g := generator{rand.New(rand.NewPCG(2025, uint64(n)))}
	from := genDraft(tb, g, 1, n)
	to := nextDraft(tb, g, from, 2)
	plan := models.Plan{ID: 1, Title: "Generated plan", Origin: "US"}
	return report.Summarize(plan, from.Draft, from.Provisions, fixtureParties), report.Compare(from, to)
}

var (
	benchOnce       sync.Once
	benchSummary    report.Summary
	benchComparison report.Comparison
)

func benchData(b *testing.B) (report.Summary, report.Comparison) {
	benchOnce.Do(func() { benchSummary, benchComparison = generated(b, 10_000) })
	return benchSummary, benchComparison
}

func BenchmarkSummary10000(b *testing.B) {
	s, _ := benchData(b)
	pdfMetrics() // measured once per process, not per export
	for _, format := range Formats {
		if TooLongForPDF(10_000) && format == "pdf" {
			continue // refused as a PDF: BenchmarkSummaryPDF1000 holds the PDF
		}
		b.Run(format, func(b *testing.B) {
			runtime.GC() // the generator's garbage is not the export's
			b.ReportAllocs()
			for b.Loop() {
				if err := Summary(io.Discard, s, testProvenance, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkComparison10000(b *testing.B) {
	_, c := benchData(b)
	pdfMetrics()
	for _, format := range Formats {
		if TooLongForPDF(10_000) && format == "pdf" {
			continue // refused as a PDF: BenchmarkSummaryPDF1000 holds the PDF
		}
		b.Run(format, func(b *testing.B) {
			runtime.GC() // the generator's garbage is not the export's
			b.ReportAllocs()
			for b.Loop() {
				if err := Comparison(io.Discard, c, testProvenance, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSummaryPDF1000 is the bound the PDF is held to: a summary of
// 1,000 provisions in under 2 s on a 2-core machine and under 64 MB of
// peak heap. Beside time, bytes allocated and the pages, it reports
// peak-heap-MB: the most heap the exports occupied at any one time, above
// what was live before them (the summary they read). What a user feels is
// that peak, not the total allocated: fpdf, as released, makes a zlib
// writer of about 1.2 MB for every page it compresses (192 MB allocated
// for this summary), all garbage a moment later, and what that costs is
// how far the heap grows before the collector frees it.
//
// How: heapPeak reads the runtime's count of bytes in heap objects (live,
// or dead and not yet freed: MemStats.HeapAlloc) and of bytes allocated
// so far (MemStats.TotalAlloc) every 200 µs while the exports run,
// through runtime/metrics, which does not stop the world. The heap can
// only grow between two reads by what was allocated between them, so the
// peak is at most a read's heap plus what was allocated before the next
// read; the largest such sum is peak-heap-MB, an upper bound that a peak
// falling between two reads cannot escape. The largest heap actually read
// is heap-read-MB, a lower bound; the true peak lies between the two, and
// their gap widens when the machine is busy and the reads come late. Both
// are taken over every export of the run, each one's garbage left to the
// collector as a server's would be, so they include the garbage not yet
// freed (which is what a process holds) but not the collector's
// fragmentation or the memory it has yet to return to the system.
func BenchmarkSummaryPDF1000(b *testing.B) {
	s, _ := generated(b, 1_000)
	pdfMetrics()
	var one bytes.Buffer
	if err := Summary(&one, s, testProvenance, "pdf"); err != nil {
		b.Fatal(err)
	}
	pages := bytes.Count(one.Bytes(), []byte("/Type /Page\n"))
	runtime.GC() // the generator's garbage is not the export's
	stop := heapPeak()
	b.ReportAllocs()
	for b.Loop() {
		if err := Summary(io.Discard, s, testProvenance, "pdf"); err != nil {
			b.Fatal(err)
		}
	}
	peak, read := stop()
	b.ReportMetric(float64(pages), "pages/op")
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
	b.ReportMetric(float64(read)/1e6, "heap-read-MB")
}

// heapPeak starts sampling the heap; the function it returns stops it and
// returns, above the heap at the start, the bound on the peak and the
// largest heap read that BenchmarkSummaryPDF1000 describes.
func heapPeak() (stop func() (peak, read uint64)) {
	samples := []rtmetrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
	read := func() (heap, allocs uint64) {
		rtmetrics.Read(samples)
		return samples[0].Value.Uint64(), samples[1].Value.Uint64()
	}
	base, _ := read()
	var peak, seen uint64
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		heap, allocs := read()
		for {
			var last bool
			select {
			case <-quit:
				last = true
			case <-tick.C:
			}
			nextHeap, nextAllocs := read()
			peak = max(peak, heap+(nextAllocs-allocs))
			seen = max(seen, nextHeap)
			heap, allocs = nextHeap, nextAllocs
			if last {
				return
			}
		}
	}()
	above := func(v uint64) uint64 { return v - min(v, base) }
	return func() (uint64, uint64) {
		close(quit)
		<-done
		return above(peak), above(seen)
	}
}
