package models

// The closed vocabularies of the domain. Each is a list of slugs (what is
// stored and sent over the API) with a human label (what people read). The
// validate tags on the entities repeat the slugs in `oneof=` because the
// validator needs them as literals; TestVocabularyMatchesValidateTags keeps
// the two in step.

// Term is one value of a closed vocabulary.
type Term struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Vocabulary is an ordered list of allowed values.
type Vocabulary []Term

// Values returns the slugs in order.
func (v Vocabulary) Values() []string {
	out := make([]string, len(v))
	for i, t := range v {
		out[i] = t.Value
	}
	return out
}

// Label returns the human label of a slug, or the slug itself if unknown.
func (v Vocabulary) Label(value string) string {
	for _, t := range v {
		if t.Value == value {
			return t.Label
		}
	}
	return value
}

// Has reports whether value is one of the vocabulary's slugs.
func (v Vocabulary) Has(value string) bool {
	for _, t := range v {
		if t.Value == value {
			return true
		}
	}
	return false
}

// Index returns the position of value, or len(v) when it is unknown, so that
// unknown values sort last.
func (v Vocabulary) Index(value string) int {
	for i, t := range v {
		if t.Value == value {
			return i
		}
	}
	return len(v)
}

// PartyTypes: what kind of actor a party is.
var PartyTypes = Vocabulary{
	{"state", "State"},
	{"bloc", "Bloc"},
	{"alliance", "Alliance"},
	{"organisation", "International organisation"},
	{"group", "Group of states"},
	{"body", "Body created by the plan"},
}

// DraftStatuses: where a draft stands.
var DraftStatuses = Vocabulary{
	{"working", "Working"},
	{"circulated", "Circulated"},
	{"superseded", "Superseded"},
	{"agreed", "Agreed"},
	{"rejected", "Rejected"},
}

// Coverages: how much of a draft's text is known.
var Coverages = Vocabulary{
	{"complete", "Complete text"},
	{"partial", "Partial: only the points reported"},
}

// Stages: where a draft stands in the PA-X coding of peace agreements.
var Stages = Vocabulary{
	{"pre_negotiation", "Pre-negotiation / process"},
	{"framework_partial", "Framework, substantive – partial"},
	{"framework_comprehensive", "Framework, substantive – comprehensive"},
	{"implementation", "Implementation / renegotiation"},
	{"renewal", "Renewal"},
	{"ceasefire", "Ceasefire"},
}

// ProvisionStatuses: where one provision stands within its draft.
var ProvisionStatuses = Vocabulary{
	{"proposed", "Proposed"},
	{"agreed", "Agreed"},
	{"disputed", "Disputed"},
	{"withdrawn", "Withdrawn"},
}

// Sourcings: how sure we are of a provision's wording.
var Sourcings = Vocabulary{
	{"official-text", "Official text"},
	{"reported", "Reported"},
	{"unconfirmed", "Unconfirmed"},
}

// Roles: a party's part in a provision.
var Roles = Vocabulary{
	{"obligor", "Obligor"},
	{"beneficiary", "Beneficiary"},
	{"guarantor", "Guarantor"},
	{"monitor", "Monitor"},
	{"signatory", "Signatory"},
	{"mediator", "Mediator"},
	{"operator", "Operator"},
}

// Stances: a party's position on a provision.
var Stances = Vocabulary{
	{"supports", "Supports"},
	{"opposes", "Opposes"},
	{"reserved", "Reserved"},
	{"unknown", "Unknown"},
}

// Categories follow the peace-agreement research convention (PA-X), folded
// into the seven headings analysts use. Their order is the order in which
// summaries and comparisons list provisions.
var Categories = Vocabulary{
	{"security", "Security"},
	{"territory", "Territory"},
	{"governance", "Governance"},
	{"justice", "Justice and accountability"},
	{"economic", "Economic"},
	{"humanitarian", "Humanitarian"},
	{"implementation", "Implementation and guarantees"},
}
