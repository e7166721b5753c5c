package models

// DistinctKeys returns key(x) for each x of xs, once each, in the order
// they first appear: the distinct parties a provision or a text names, the
// distinct sources a list of citations cites.
func DistinctKeys[T any](xs []T, key func(T) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if k := key(x); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
