package models

import "fmt"

// Strings returns each of xs as its String, in order: a list of citations
// as a reader sees them, to show one a line or to join on one.
func Strings[T fmt.Stringer](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}
