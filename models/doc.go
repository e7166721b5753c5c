// Package models is the domain of Plantracker: parties, plans, drafts,
// provisions, sources and the changes made to them, the users, the
// registry of provision kinds with their typed terms, and the rules that
// validate them, including the check that a provision's wording agrees
// with its terms.
//
// It is pure Go on purpose: no GORM, no Gin. The store persists these types,
// the API serialises them to programs and the UI renders them for people, but
// every rule about what a valid provision is lives here, once.
//
// Below it are packages named for what they are, each of which may import
// models and none of which models imports: models/parse (the parser of
// drafts' texts), models/report (comparison, matrix, summary, timeline),
// models/worddiff (the word diff of wordings) and models/numbers (the one
// reader of numbers and units, which the parser and the wording check
// share).
package models
