package report

import "testing"

// A change from a tiny number is "over +10,000%", not a figure with
// hundreds of digits.
func TestPercentChange(t *testing.T) {
	deltas := []struct {
		old, new float64
		want     string
	}{
		{600000, 800000, "+33.3%"},
		{100, 75, "−25.0%"},
		{5e-324, 1, "over +10,000%"},
		{0.01, 5000, "over +10,000%"},
		{1, 101, "+10000.0%"},
		{0.01, -5000, "over −10,000%"},
	}
	for _, tt := range deltas {
		if got := percentChange(tt.old, tt.new); got != tt.want {
			t.Errorf("percentChange(%g, %g) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}
