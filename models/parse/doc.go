// Package parse reads a draft's text (a leaked document, a wire story
// listing the points, a translation; in English, Ukrainian or Russian) and
// proposes its provisions: the numbered points and the sub-points that
// name different subjects, a kind for each from the words each kind
// declares, the terms the text states, and the base draft's provision on
// the same subject. It says how sure it is, and why, for every point and
// term (Text).
//
// It is its own package because it is a large piece of reading that the
// entities do not need: models declares each kind's words (Kind.Words)
// beside its terms, and this package compiles them into its cue tables,
// keyed by kind name, when it starts. Its tokens and the quantities they
// state are read by models/numbers, the reader the wording check uses too.
package parse
