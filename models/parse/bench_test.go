package parse

import (
	"testing"
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
