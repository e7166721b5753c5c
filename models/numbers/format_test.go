package numbers

import "testing"

func TestFormat(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 600000: "600,000", 1234567.891: "1,234,567.89", -1500: "-1,500", 12.5: "12.5", 100: "100"} {
		if got := Format(in, ""); got != want {
			t.Errorf("Format(%v) = %q, want %q", in, got, want)
		}
	}
}
