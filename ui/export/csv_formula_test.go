package export

import "testing"

// Cells a spreadsheet would still run as a formula behind what the guard
// first looked at: a line feed first, leading spaces before the =, and
// the full-width ＝ ＋ － ＠ that some spreadsheets fold into = + - @.
func TestSafeCellBeyondTheFirstByte(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n=1+1", "'\n=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{" =1+1", "' =1+1"},
		{"   +cmd|' /C calc'!A0", "'   +cmd|' /C calc'!A0"},
		{"\u00a0@SUM(A1)", "'\u00a0@SUM(A1)"},
		{"＝1+1", "'＝1+1"},
		{"＋FR", "'＋FR"},
		{"－5", "'－5"},
		{"＠SUM(A1)", "'＠SUM(A1)"},
		{" plain", " plain"},
		{"Запорізька АЕС", "Запорізька АЕС"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := safeCell(tt.in); got != tt.want {
			t.Errorf("safeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
