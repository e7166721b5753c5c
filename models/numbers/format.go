package numbers

import (
	"bytes"
	"strconv"
	"strings"
)

// Format writes a number as people read it: thousands separated by commas,
// at most two decimals, and its unit if it has one: "600,000", "12.5",
// "600,000 people", "50%", and money with its currency first, "USD 100 bn".
// It builds the string in one buffer: comparisons format tens of thousands
// of numbers.
func Format(v float64, unit string) string {
	var scratch, buf [48]byte
	n := v
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.AppendFloat(scratch[:0], n, 'f', -1, 64)
	intPart, frac, hasFrac := bytes.Cut(s, []byte{'.'})
	if hasFrac && len(frac) > 2 {
		s = strconv.AppendFloat(scratch[:0], n, 'f', 2, 64)
		intPart, frac, _ = bytes.Cut(s, []byte{'.'})
		frac = bytes.TrimRight(frac, "0")
		hasFrac = len(frac) > 0
	}
	out := buf[:0]
	if neg {
		out = append(out, '-')
	}
	if n != 0 && string(intPart) == "0" && !hasFrac {
		// Not zero, but zero to two decimals (5e-324): say how small
		// rather than show a 0 that is not one.
		intPart, frac, hasFrac = []byte("<0"), []byte("01"), true
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, c)
	}
	if hasFrac {
		out = append(out, '.')
		out = append(out, frac...)
	}
	switch {
	case unit == "":
	case unit == "%":
		out = append(out, '%')
	case strings.HasPrefix(unit, "USD "):
		return "USD " + string(out) + " " + unit[len("USD "):]
	default:
		out = append(out, ' ')
		out = append(out, unit...)
	}
	return string(out)
}
