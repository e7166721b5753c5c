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
	Model               string   `json:"model,omitempty" validate:"omitempty,oneof=article5_like bilateral_commitment multilateral_commitment reassurance_force assurances other" label:"Model" headline:"true" help:"Leave empty where the text does not say what the guarantee is modelled on."`
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
	Extension     string `json:"extension,omitempty" validate:"omitempty,oneof=none possible mutual_agreement automatic unspecified" label:"Extension" help:"possible: the text allows an extension without saying how."`
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
	IncludesBodies             *bool  `json:"includes_bodies,omitempty" label:"Includes the exchange of bodies"`
	FamilyReunification        *bool  `json:"family_reunification,omitempty" label:"Includes family reunification"`
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
	// Sanctions for violations: whoever breaks the agreement is sanctioned.
	SanctionsForViolations *bool `json:"sanctions_for_violations,omitempty" label:"Sanctions for violations"`
}

// SovereigntyTerms: whose sovereignty or statehood is affirmed or
// recognized, and by whom. (What becomes of one region is territorial.)
type SovereigntyTerms struct {
	Party                string   `json:"party,omitempty" validate:"omitempty,party" label:"Whose sovereignty" help:"Leave empty where the reporting does not say whose."`
	Affirmation          string   `json:"affirmation" validate:"required,oneof=reaffirmed recognized mutual_recognition recognition_withheld recognition_revoked unresolved" label:"Affirmation" headline:"true"`
	AffirmedBy           []string `json:"affirmed_by,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Affirmed by"`
	TerritorialIntegrity *bool    `json:"territorial_integrity,omitempty" label:"Territorial integrity included"`
}

// ArmsControlTerms: limits on weapons, arms-control treaties and
// non-proliferation. (A ceiling on troop numbers is a troop cap.)
type ArmsControlTerms struct {
	Measure  string   `json:"measure" validate:"required,oneof=treaty_extension new_treaty non_nuclear_status weapons_ban weapons_limit inspections other" label:"Measure" headline:"true"`
	Parties  []string `json:"parties,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Bound parties"`
	Treaties string   `json:"treaties,omitempty" validate:"max=300" label:"Treaties" headline:"true" help:"By name, e.g. New START."`
	Weapons  string   `json:"weapons,omitempty" validate:"max=300" label:"Weapons concerned"`
}

// RightsTerms: minority, language, religious, media and education rights.
// Each area is a tri-state: not mentioned, guaranteed (yes), or explicitly
// excluded (no).
type RightsTerms struct {
	AppliesTo         []string `json:"applies_to,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Bound parties"`
	Standard          string   `json:"standard,omitempty" validate:"max=300" label:"Standard" headline:"true" help:"The rules they follow, e.g. EU rules."`
	Religious         *bool    `json:"religious,omitempty" label:"Religious freedom and tolerance" headline:"true"`
	MinorityLanguages *bool    `json:"minority_languages,omitempty" label:"Minority languages" headline:"true"`
	Minorities        *bool    `json:"minorities,omitempty" label:"Rights of national minorities" headline:"true"`
	Media             *bool    `json:"media,omitempty" label:"Media freedom" headline:"true"`
	Education         *bool    `json:"education,omitempty" label:"Education" headline:"true"`
	Measures          string   `json:"measures,omitempty" validate:"max=500" label:"Measures" help:"Programmes and institutions, e.g. tolerance programmes."`
	Bans              string   `json:"bans,omitempty" validate:"max=300" label:"Bans" help:"What is banned, e.g. an ideology."`
}

// MonitoringTerms: who watches over compliance, how, and how disputes are
// settled.
type MonitoringTerms struct {
	Mechanism   string   `json:"mechanism" validate:"required,oneof=monitoring verification dispute_resolution violation_sanctions other" label:"Mechanism" headline:"true"`
	Subject     string   `json:"subject,omitempty" validate:"max=300" label:"What is monitored" headline:"true"`
	AppliesTo   string   `json:"applies_to,omitempty" validate:"omitempty,key" label:"Applies to (provision key)"`
	MonitoredBy []string `json:"monitored_by,omitempty" validate:"max=40,uniqueparties,dive,party" label:"By"`
	Means       string   `json:"means,omitempty" validate:"max=300" label:"Means" help:"e.g. satellite observation, a mission on the ground."`
}

// RatificationTerms: how an agreement or one of its parts is approved at
// home: a referendum, a parliamentary vote, a law.
type RatificationTerms struct {
	Method     string `json:"method" validate:"required,oneof=referendum parliamentary_vote legislation signature other" label:"Method" headline:"true"`
	Country    string `json:"country,omitempty" validate:"omitempty,party" label:"Country" headline:"true"`
	Body       string `json:"body,omitempty" validate:"max=200" label:"Body that votes" help:"e.g. State Duma, Verkhovna Rada."`
	AppliesTo  string `json:"applies_to,omitempty" validate:"omitempty,key" label:"Applies to (provision key)"`
	Condition  string `json:"condition,omitempty" validate:"max=500" label:"Only if"`
	WithinDays *int   `json:"within_days,omitempty" validate:"omitempty,min=1,max=3650" label:"Within" unit:"days"`
}

// ReparationsTerms: who pays whom for the war's damage, and from what.
type ReparationsTerms struct {
	Form        string   `json:"form" validate:"required,oneof=reparations compensation restitution claims_commission fund" label:"Form" headline:"true"`
	Payer       string   `json:"payer,omitempty" validate:"omitempty,party" label:"Paid by"`
	Recipient   string   `json:"recipient,omitempty" validate:"omitempty,party" label:"Paid to"`
	AmountUSDbn *float64 `json:"amount_usd_bn,omitempty" validate:"omitempty,min=0,max=100000" label:"Amount" unit:"USD bn" headline:"true"`
	FundedFrom  string   `json:"funded_from,omitempty" validate:"max=300" label:"Funded from" help:"e.g. frozen assets."`
	Conditions  string   `json:"conditions,omitempty" validate:"max=1000" label:"Conditions"`
}

// NavigationTerms: passage of ships and goods on a waterway or route.
type NavigationTerms struct {
	Waterway      string   `json:"waterway" validate:"required,max=200" label:"Waterway or route" headline:"true"`
	Access        string   `json:"access,omitempty" validate:"omitempty,oneof=free_navigation guaranteed_transit restricted closed unresolved" label:"Access" headline:"true"`
	Cargo         string   `json:"cargo,omitempty" validate:"max=200" label:"Cargo"`
	Beneficiaries []string `json:"beneficiaries,omitempty" validate:"max=40,uniqueparties,dive,party" label:"For"`
}

// TradeTerms: trade agreements and economic cooperation between parties.
type TradeTerms struct {
	Agreement string   `json:"agreement" validate:"required,oneof=free_trade_agreement market_access economic_cooperation investment other" label:"Agreement" headline:"true"`
	Parties   []string `json:"parties,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Parties" headline:"true"`
	Scope     string   `json:"scope,omitempty" validate:"max=500" label:"Scope"`
}

// InternationalBodyTerms: a party's return to (or exclusion from) an
// international body.
type InternationalBodyTerms struct {
	Party      string `json:"party" validate:"required,party" label:"Whose place"`
	Body       string `json:"body" validate:"required,max=200" label:"Body" headline:"true" help:"e.g. G8, Council of Europe."`
	Outcome    string `json:"outcome" validate:"required,oneof=return invitation membership suspension unresolved" label:"Outcome" headline:"true"`
	Conditions string `json:"conditions,omitempty" validate:"max=1000" label:"Conditions"`
}

// DialogueTerms: a body the agreement creates for the parties to talk:
// a dialogue, a working group, a commission.
type DialogueTerms struct {
	Body       string   `json:"body" validate:"required,max=200" label:"Body" headline:"true"`
	Form       string   `json:"form" validate:"required,oneof=dialogue working_group commission committee council other" label:"Form"`
	Members    []string `json:"members,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Members"`
	MediatedBy string   `json:"mediated_by,omitempty" validate:"omitempty,party" label:"Mediated by"`
	ChairedBy  string   `json:"chaired_by,omitempty" validate:"omitempty,party" label:"Chaired by"`
	Mandate    string   `json:"mandate,omitempty" validate:"max=500" label:"Mandate"`
}

// TroopWithdrawalTerms: whose forces leave which area, to where, by when.
type TroopWithdrawalTerms struct {
	Party      string   `json:"party" validate:"required,party" label:"Whose forces"`
	From       string   `json:"from" validate:"required,max=300" label:"Withdraw from" headline:"true"`
	To         string   `json:"to,omitempty" validate:"max=300" label:"Withdraw to"`
	WithinDays *int     `json:"within_days,omitempty" validate:"omitempty,min=1,max=3650" label:"Within" unit:"days"`
	VerifiedBy []string `json:"verified_by,omitempty" validate:"max=40,uniqueparties,dive,party" label:"Verified by"`
}

// SequencingTerms: what must happen before what. (When the fighting stops
// is a ceasefire; this says what one step waits for.)
type SequencingTerms struct {
	First       string `json:"first" validate:"required,max=300" label:"First" headline:"true"`
	Then        string `json:"then" validate:"required,max=300" label:"Then" headline:"true"`
	MinimumDays *int   `json:"minimum_days,omitempty" validate:"omitempty,min=1,max=3650" label:"First lasting at least" unit:"days"`
	FirstKey    string `json:"first_key,omitempty" validate:"omitempty,key" label:"First (provision key)"`
	ThenKey     string `json:"then_key,omitempty" validate:"omitempty,key" label:"Then (provision key)"`
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
		kindSpec{"sovereignty", "Sovereignty and recognition", "governance", "Whose sovereignty or statehood is affirmed or recognized, and by whom.", SovereigntyTerms{}},
		kindSpec{"arms_control", "Arms control and non-proliferation", "security", "Arms-control treaties, limits on weapons, non-nuclear status.", ArmsControlTerms{}},
		kindSpec{"rights", "Minority, language, religious, media and education rights", "governance", "Rights of minorities, languages and religions, media freedom, education.", RightsTerms{}},
		kindSpec{"monitoring", "Monitoring, verification and dispute resolution", "implementation", "Who watches over compliance, how, and how disputes are settled.", MonitoringTerms{}},
		kindSpec{"ratification", "Ratification", "implementation", "How the agreement, or a part of it, is approved at home: a referendum, a parliamentary vote, a law.", RatificationTerms{}},
		kindSpec{"reparations", "Reparations and compensation", "justice", "Who pays whom for the war's damage, and from what.", ReparationsTerms{}},
		kindSpec{"navigation", "Navigation and transit", "economic", "Passage of ships and goods on a waterway or route.", NavigationTerms{}},
		kindSpec{"trade", "Trade agreement", "economic", "Trade agreements, market access and economic cooperation between parties.", TradeTerms{}},
		kindSpec{"international_body", "Reintegration into international bodies", "economic", "A party's return to, or exclusion from, an international body such as the G8.", InternationalBodyTerms{}},
		kindSpec{"dialogue", "Dialogue body, working group or commission", "implementation", "A body the agreement creates for the parties to talk: a dialogue, a working group, a commission.", DialogueTerms{}},
		kindSpec{"troop_withdrawal", "Troop withdrawal", "security", "Whose forces leave which area, to where and by when.", TroopWithdrawalTerms{}},
		kindSpec{"sequencing", "Sequencing", "implementation", "What must happen before what, and how long the first step must last.", SequencingTerms{}},
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
	"non_nuclear_status":        "non-nuclear status",
	"free_trade_agreement":      "free-trade agreement",
	"violation_sanctions":       "sanctions for violations",
	"possible":                  "possible (how not stated)",
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
