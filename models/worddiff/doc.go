// Package worddiff is the word-level diff of two texts: which words a
// provision's wording lost and gained between two drafts. The comparison
// (models/report) shows it, and the exports draw it.
//
// It is written here rather than taken from github.com/sergi/go-diff because
// go-diff diffs characters (or, with its line-mode trick, whole lines); to
// diff words it would need each word mapped to a private rune and back, and
// its character-level cleanups assume character granularity. What a word diff
// needs is small: a tokenizer that knows Unicode letters (Cyrillic as well as
// Latin), Myers' O(ND) algorithm in its linear-space form (the same bisection
// go-diff uses) over the tokens, and one cleanup pass. It allocates little:
// tokens and runs are substrings of the two texts, never copies.
package worddiff
