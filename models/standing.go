package models

// A draft's standing: what its text is to the record.
const (
	StandingOfficial = "official"
	StandingReported = "reported"
	StandingScenario = "scenario"
)

// Standings: what a draft's text is to the record. A scenario is kept out
// of the chronology and the record's end unless asked for.
var Standings = Vocabulary{
	{StandingOfficial, "Official"},
	{StandingReported, "Reported"},
	{StandingScenario, "Scenario"},
}

// ScenarioNote is what a reader is told wherever a scenario is listed.
const ScenarioNote = "Scenario — an analyst's own, not part of the record"

// Scenario reports whether the draft is an analyst's own text (a scenario,
// a proposal, a trial), not part of the record.
func (d Draft) Scenario() bool { return d.Standing == StandingScenario }
