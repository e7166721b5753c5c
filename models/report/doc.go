// Package report holds what Plantracker reads out of drafts rather than
// what they are: the comparison of two drafts (Compare), the matrix of a
// plan's drafts side by side (NewMatrix), a draft's summary (Summarize)
// and a provision's timeline across every draft that mentions its key
// (NewTimeline), with the orders they list drafts and provisions in.
//
// They are apart from models because they are views over the entities,
// not rules of them: they read drafts, provisions and parties, and the
// word diff of wordings (models/worddiff), and change nothing. The API
// sends them as JSON and the UI and exports draw them; both build them
// here, so a page and the document of the same report cannot disagree.
package report
