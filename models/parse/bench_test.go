package parse

import (
	"context"
	"testing"

	"plantracker/models"
)

// BenchmarkParseDraft parses each test draft against its base and reports
// the targets beside the time: points split as numbered, kinds
// right where a specific kind applies, numbers read exactly with their
// unit, and points matched to the right base provision (or rightly to
// none), in percent.
//
//	go test -tags sqlite_fts5 -run '^$' -bench Text ./models/
func BenchmarkParseDraft(b *testing.B) {
	var total parseScore
	for _, w := range loadParseWants(b) {
		opts := w.options(b)
		text := readTestdata(b, w.Text)
		b.Run(w.Text, func(b *testing.B) {
			var res Result
			cpu := processCPU()
			for b.Loop() {
				res = Text(text, opts)
			}
			if used := processCPU() - cpu; used > 0 {
				b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			}
			s := scoreParse(w, res, opts.Base)
			reportScore(b, s)
			total.add(s)
		})
	}
	b.Logf("all texts: %s", total)
}

func reportScore(b *testing.B, s parseScore) {
	pct := func(n, d int) float64 {
		if d == 0 {
			return 100
		}
		return 100 * float64(n) / float64(d)
	}
	b.ReportMetric(pct(s.split, s.points), "split-%")
	b.ReportMetric(pct(s.kindsRight, s.kinds), "kinds-%")
	b.ReportMetric(pct(s.numbersRight, s.numbers), "numbers-%")
	b.ReportMetric(pct(s.matchesRight, s.matches), "matched-%")
}

func (s *parseScore) add(o parseScore) {
	s.points += o.points
	s.split += o.split
	s.kinds += o.kinds
	s.kindsRight += o.kindsRight
	s.numbers += o.numbers
	s.numbersRight += o.numbersRight
	s.terms += o.terms
	s.termsRight += o.termsRight
	s.matches += o.matches
	s.matchesRight += o.matchesRight
}

// BenchmarkParseSizes parses texts of 1 KB to MaxText of each kind, to
// show how the work grows with the text: ordinary drafts (the test texts
// repeated, against the seeded 28 points) and the pathological
// texts (a bare point marker a line; "Points 1–1000000000: x" a line,
// alone and against a base of 2,148 provisions; one point of a long
// number in groups). Beyond MaxPoints points a text is refused, which is
// what the larger marker and range texts measure.
//
//	go test -tags sqlite_fts5 -run '^$' -bench ParseSizes -benchmem ./models/parse/
func BenchmarkParseSizes(b *testing.B) {
	parties := seedParties(b)
	seed := seedDraft(b, "US peace framework", "28-point draft")
	large := bigBase(b, 2148)
	kinds := []struct {
		name string
		text func(int) string
		base []models.Provision
	}{
		{"ordinary", func(n int) string { return ordinaryText(b, n) }, seed},
		{"markers", func(n int) string { return pathologicalText("markers", n) }, nil},
		{"range", func(n int) string { return pathologicalText("range", n) }, nil},
		{"range-base2148", func(n int) string { return pathologicalText("range", n) }, large},
		{"digits", func(n int) string { return pathologicalText("digits", n) }, nil},
	}
	for _, k := range kinds {
		for _, size := range []struct {
			name string
			n    int
		}{{"1KB", 1_000}, {"10KB", 10_000}, {"50KB", 50_000}, {"200KB", MaxText}} {
			text := k.text(size.n)
			opts := Options{Parties: parties, Base: k.base}
			b.Run(k.name+"/"+size.name, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				points := 0
				cpu := processCPU()
				for b.Loop() {
					res, _ := TextContext(context.Background(), text, opts)
					points = len(res.Points)
				}
				if used := processCPU() - cpu; used > 0 {
					b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/op")
				}
				b.ReportMetric(float64(points), "points")
			})
		}
	}
}
