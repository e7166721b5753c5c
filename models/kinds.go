package models

// The provision kinds. Each is one declaration: a struct of terms whose tags
// say everything the rest of the program needs:
//
//	json      the term's name in the API and in storage
//	validate  the rules (go-playground/validator); `oneof` makes an enum,
//	          `party` a party short name, `dive,party` a list of them
//	label     what people read
//	unit      shown after numbers
//	headline  "true" when the term belongs in a one-line summary
//	help      a hint under the form field
//
// Booleans are *bool and optional numbers are *int or *float64: a draft that
// says nothing is not a draft that says no. Adding a kind is adding one
// declaration here.

// SecurityGuaranteeTerms: who defends whom, how, and for how long.
type SecurityGuaranteeTerms struct {
	Model               string   `json:"model" validate:"required,oneof=article5_like bilateral_commitment multilateral_commitment reassurance_force assurances other" label:"Model" headline:"true"`
	Guarantors          []string `json:"guarantors,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Guarantors"`
	ResponseDecidedBy   string   `json:"response_decided_by,omitempty" validate:"omitempty,party" label:"Response decided by"`
	DurationYears       *int     `json:"duration_years,omitempty" validate:"omitempty,min=1,max=100" label:"Duration" unit:"years" headline:"true"`
	Renewable           *bool    `json:"renewable,omitempty" label:"Renewable"`
	ObligesIntervention *bool    `json:"obliges_intervention,omitempty" label:"Obliges intervention"`
	SanctionsSnapback   *bool    `json:"sanctions_snapback,omitempty" label:"Sanctions snap back on violation"`
	Compensated         *bool    `json:"compensated,omitempty" label:"Guarantor compensated"`
	VoidIf              string   `json:"void_if,omitempty" validate:"max=1000" label:"Void if"`
}

// TermTerms: how long an agreement or one of its parts runs.
type TermTerms struct {
	AppliesTo     string `json:"applies_to,omitempty" validate:"omitempty,key" label:"Applies to (provision key)"`
	DurationYears *int   `json:"duration_years,omitempty" validate:"omitempty,min=1,max=100" label:"Duration" unit:"years" headline:"true"`
	Extension     string `json:"extension,omitempty" validate:"omitempty,oneof=none mutual_agreement automatic unspecified" label:"Extension"`
}

// DemilitarizedZoneTerms: an area no forces (or some forces) may enter.
type DemilitarizedZoneTerms struct {
	Area              string   `json:"area" validate:"required,max=300" label:"Area" headline:"true"`
	WithdrawingParty  string   `json:"withdrawing_party,omitempty" validate:"omitempty,party" label:"Withdrawing party"`
	ExcludedForces    []string `json:"excluded_forces,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Forces that may not enter"`
	RecognizedAs      string   `json:"recognized_as,omitempty" validate:"omitempty,party" label:"Recognized as territory of"`
	MonitoredBy       []string `json:"monitored_by,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Monitored by"`
	WidthKm           *float64 `json:"width_km,omitempty" validate:"omitempty,min=0,max=1000" label:"Width" unit:"km"`
	EconomicZone      *bool    `json:"economic_zone,omitempty" label:"Free economic zone"`
	DemilitarizedOnly *bool    `json:"demilitarized_only,omitempty" label:"Civil administration stays"`
}

// TroopCapTerms: a ceiling on a party's armed forces.
type TroopCapTerms struct {
	Party         string `json:"party" validate:"required,party" label:"Whose forces"`
	Force         string `json:"force,omitempty" validate:"max=200" label:"Force"`
	Limit         int    `json:"limit" validate:"required,min=1,max=10000000" label:"Limit" unit:"people" headline:"true"`
	PeacetimeOnly *bool  `json:"peacetime_only,omitempty" label:"Peacetime only"`
}

// TerritorialTerms: what happens to one region.
type TerritorialTerms struct {
	Region             string   `json:"region" validate:"required,max=200" label:"Region"`
	Disposition        string   `json:"disposition" validate:"required,oneof=ceded recognized_de_facto recognized_de_jure frozen_at_line_of_contact withdrawal negotiable returned unresolved" label:"Disposition" headline:"true"`
	InFavourOf         string   `json:"in_favour_of,omitempty" validate:"omitempty,party" label:"In favour of"`
	RecognizedBy       []string `json:"recognized_by,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Recognized by"`
	NoChangeByForce    *bool    `json:"no_change_by_force,omitempty" label:"No change by force"`
	RequiresReferendum *bool    `json:"requires_referendum,omitempty" label:"Requires a referendum"`
}

// AllianceMembershipTerms: whether a party may join an alliance or union.
type AllianceMembershipTerms struct {
	Alliance         string `json:"alliance" validate:"required,party" label:"Alliance or union"`
	Candidate        string `json:"candidate,omitempty" validate:"omitempty,party" label:"Candidate"`
	Membership       string `json:"membership" validate:"required,oneof=renounced barred no_enlargement consensus_required eligible accession_by_date open unresolved" label:"Membership" headline:"true"`
	InConstitution   *bool  `json:"in_constitution,omitempty" label:"Written into the constitution"`
	InAllianceStatus *bool  `json:"in_alliance_statutes,omitempty" label:"Written into the alliance's statutes"`
}

// ForeignForcesTerms: whose forces may be where.
type ForeignForcesTerms struct {
	ForcesOf []string `json:"forces_of,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Forces of"`
	Forces   string   `json:"forces,omitempty" validate:"max=200" label:"Forces"`
	Location string   `json:"location" validate:"required,max=200" label:"Location"`
	Presence string   `json:"presence" validate:"required,oneof=prohibited prohibited_in_peacetime permitted stationed" label:"Presence" headline:"true"`
}

// AmnestyTerms: who is forgiven what.
type AmnestyTerms struct {
	Scope               string `json:"scope" validate:"required,oneof=full partial none" label:"Scope" headline:"true"`
	Covers              string `json:"covers,omitempty" validate:"max=500" label:"Covers"`
	WaivesClaims        *bool  `json:"waives_claims,omitempty" label:"Waives future claims"`
	HaltsInvestigations *bool  `json:"halts_investigations,omitempty" label:"Halts war-crimes investigations"`
}

// SanctionsTerms: what happens to sanctions on a party.
type SanctionsTerms struct {
	Target     string `json:"target" validate:"required,party" label:"Target"`
	Action     string `json:"action" validate:"required,oneof=lifted lifted_in_stages eased maintained snapback reinstated" label:"Action" headline:"true"`
	Conditions string `json:"conditions,omitempty" validate:"max=1000" label:"Conditions"`
}

// AssetsTerms: what happens to frozen assets.
type AssetsTerms struct {
	Owner             string   `json:"owner,omitempty" validate:"omitempty,party" label:"Owner of the assets"`
	AmountUSDbn       *float64 `json:"amount_usd_bn,omitempty" validate:"omitempty,min=0,max=100000" label:"Amount" unit:"USD bn" headline:"true"`
	Disposition       string   `json:"disposition" validate:"required,oneof=reconstruction_vehicle joint_vehicle remain_frozen returned compensation" label:"Disposition" headline:"true"`
	Vehicle           string   `json:"vehicle,omitempty" validate:"max=300" label:"Vehicle"`
	ProfitSharePct    *float64 `json:"profit_share_pct,omitempty" validate:"omitempty,min=0,max=100" label:"Share of profits" unit:"%"`
	ProfitBeneficiary string   `json:"profit_beneficiary,omitempty" validate:"omitempty,party" label:"Profits to"`
	MatchingUSDbn     *float64 `json:"matching_usd_bn,omitempty" validate:"omitempty,min=0,max=100000" label:"Matching contribution" unit:"USD bn"`
	MatchedBy         string   `json:"matched_by,omitempty" validate:"omitempty,party" label:"Matched by"`
	Conditions        string   `json:"conditions,omitempty" validate:"max=1000" label:"Conditions"`
}

// ElectionsTerms: when a party holds elections.
type ElectionsTerms struct {
	Country    string `json:"country" validate:"required,party" label:"Country"`
	WithinDays *int   `json:"within_days,omitempty" validate:"omitempty,min=1,max=3650" label:"Within" unit:"days" headline:"true"`
	Timing     string `json:"timing,omitempty" validate:"max=300" label:"Timing" headline:"true"`
}

// NuclearFacilityTerms: who runs a nuclear plant and who gets its power.
type NuclearFacilityTerms struct {
	Facility     string   `json:"facility" validate:"required,max=200" label:"Facility"`
	Management   string   `json:"management" validate:"required,oneof=iaea_supervised joint trilateral joint_venture national unresolved" label:"Management" headline:"true"`
	SupervisedBy []string `json:"supervised_by,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Supervised by"`
	OperatedBy   string   `json:"operated_by,omitempty" validate:"max=300" label:"Operated by"`
	OutputSplit  string   `json:"output_split,omitempty" validate:"max=200" label:"Output split" headline:"true"`
}

// HumanitarianTerms: exchanges and returns of people.
type HumanitarianTerms struct {
	Measure                    string `json:"measure" validate:"required,oneof=prisoner_exchange civilian_return family_reunification aid_access other" label:"Measure" headline:"true"`
	Scope                      string `json:"scope,omitempty" validate:"omitempty,oneof=all_for_all partial" label:"Scope" headline:"true"`
	IncludesCivilians          *bool  `json:"includes_civilians,omitempty" label:"Includes civilians"`
	IncludesChildren           *bool  `json:"includes_children,omitempty" label:"Includes children"`
	IncludesPoliticalPrisoners *bool  `json:"includes_political_prisoners,omitempty" label:"Includes political prisoners"`
}

// CeasefireTerms: when and how the fighting stops.
type CeasefireTerms struct {
	Trigger     string   `json:"trigger" validate:"required,max=500" label:"Takes effect" headline:"true"`
	MonitoredBy []string `json:"monitored_by,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Monitored by"`
	MinimumDays *int     `json:"minimum_days,omitempty" validate:"omitempty,min=1,max=3650" label:"Minimum length" unit:"days"`
}

// NonAggressionTerms: who undertakes not to attack whom.
type NonAggressionTerms struct {
	Parties        []string `json:"parties,omitempty" validate:"omitempty,min=2,max=40,uniqueparties,dive,party" label:"Parties" headline:"true"`
	Monitoring     string   `json:"monitoring,omitempty" validate:"max=300" label:"Monitoring"`
	EnshrinedInLaw *bool    `json:"enshrined_in_law,omitempty" label:"Written into law"`
}

// ReconstructionTerms: money for rebuilding.
type ReconstructionTerms struct {
	Fund         string   `json:"fund,omitempty" validate:"max=300" label:"Fund"`
	AmountUSDbn  *float64 `json:"amount_usd_bn,omitempty" validate:"omitempty,min=0,max=100000" label:"Target amount" unit:"USD bn" headline:"true"`
	Beneficiary  string   `json:"beneficiary,omitempty" validate:"omitempty,party" label:"Beneficiary"`
	ManagedBy    []string `json:"managed_by,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Managed by"`
	MarketAccess *bool    `json:"market_access,omitempty" label:"Includes market access"`
}

// ImplementationTerms: who oversees the agreement and whether it binds.
type ImplementationTerms struct {
	LegallyBinding *bool  `json:"legally_binding,omitempty" label:"Legally binding" headline:"true"`
	OverseenBy     string `json:"overseen_by,omitempty" validate:"omitempty,party" label:"Overseen by" headline:"true"`
	ChairedBy      string `json:"chaired_by,omitempty" validate:"omitempty,party" label:"Chaired by"`
}

// OtherTerms: a provision with no typed terms; its wording says it all.
type OtherTerms struct {
	Parties []string `json:"parties,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Parties concerned"`
}

func init() {
	registerKinds(
		kindSpec{"security_guarantee", "Security guarantee", "security", "A commitment by guarantors to respond to an attack on a party.", SecurityGuaranteeTerms{}},
		kindSpec{"term", "Term", "implementation", "How long an agreement, or one of its provisions, runs and how it is extended.", TermTerms{}},
		kindSpec{"demilitarized_zone", "Demilitarized zone", "security", "An area from which forces withdraw or which they may not enter.", DemilitarizedZoneTerms{}},
		kindSpec{"troop_cap", "Troop cap", "security", "A ceiling on the size of a party's armed forces.", TroopCapTerms{}},
		kindSpec{"territorial", "Territorial", "territory", "What becomes of one region: ceded, recognized, frozen, negotiable.", TerritorialTerms{}},
		kindSpec{"alliance_membership", "Alliance membership", "security", "Whether a party may join an alliance or union, and on what terms.", AllianceMembershipTerms{}},
		kindSpec{"foreign_forces", "Foreign forces", "security", "Whose forces may be stationed where.", ForeignForcesTerms{}},
		kindSpec{"amnesty", "Amnesty", "justice", "Who is forgiven which acts, and whether claims are waived.", AmnestyTerms{}},
		kindSpec{"sanctions", "Sanctions", "economic", "Sanctions lifted, kept or snapped back.", SanctionsTerms{}},
		kindSpec{"assets", "Frozen assets", "economic", "What becomes of frozen assets and their profits.", AssetsTerms{}},
		kindSpec{"elections", "Elections", "governance", "When elections are held.", ElectionsTerms{}},
		kindSpec{"nuclear_facility", "Nuclear facility", "security", "Who runs a nuclear plant, who supervises it and who gets its power.", NuclearFacilityTerms{}},
		kindSpec{"humanitarian", "Humanitarian", "humanitarian", "Exchanges of prisoners, returns of civilians and children, aid.", HumanitarianTerms{}},
		kindSpec{"ceasefire", "Ceasefire", "security", "When and how the fighting stops.", CeasefireTerms{}},
		kindSpec{"non_aggression", "Non-aggression", "security", "An undertaking by parties not to attack one another.", NonAggressionTerms{}},
		kindSpec{"reconstruction", "Reconstruction", "economic", "Funds and market access for rebuilding.", ReconstructionTerms{}},
		kindSpec{"implementation", "Implementation", "implementation", "Whether the agreement binds and who oversees it.", ImplementationTerms{}},
		kindSpec{"other", "Other", "governance", "A provision whose wording carries it; no typed terms.", OtherTerms{}},
	)
}

// optionLabels names the enum values whose label is not just the value with
// its underscores turned into spaces.
var optionLabels = map[string]string{
	"article5_like":             "Article 5-like",
	"recognized_de_facto":       "recognized de facto",
	"recognized_de_jure":        "recognized de jure",
	"frozen_at_line_of_contact": "frozen at the line of contact",
	"iaea_supervised":           "IAEA-supervised",
	"all_for_all":               "all for all",
	"accession_by_date":         "accession by a set date",
	"no_enlargement":            "no further enlargement",
	"prohibited_in_peacetime":   "prohibited in peacetime",
	"lifted_in_stages":          "lifted in stages",
}

// OptionLabel returns the human label of an enum value.
func OptionLabel(value string) string {
	if l, ok := optionLabels[value]; ok {
		return l
	}
	out := []byte(value)
	for i, c := range out {
		if c == '_' {
			out[i] = ' '
		}
	}
	return string(out)
}
