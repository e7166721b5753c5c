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
//
// Beside its label and description, each kind declares its words: what, in
// a draft's text, says a point is of this kind, and which words give its
// terms their values (the grammar is in models/parse, cues.go). The parser
// of draft texts reads kinds and terms by them and by nothing else;
// booleans and enum options without words of their own are found by their
// labels.

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
	// MoratoriumYears: how long the membership is renounced or barred
	// ("will not join NATO for 15 years"); none: for good, or not said.
	MoratoriumYears *int `json:"moratorium_years,omitempty" validate:"omitempty,min=1,max=100" label:"Moratorium" unit:"years" headline:"true"`
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
		kindSpec{"security_guarantee", "Security guarantee", "security", "A commitment by guarantors to respond to an attack on a party.",
			`security guarantee | security guarantees | guarantee | guarantor | guarantors | Article 5 | collective defence | collective defense | attack on * is an attack | security assurances | гарантії безпеки | гарантии безопасности
			; model.article5_like = Article 5 | Article five | mirroring * Article | modelled on NATO | modeled on NATO | attack on * is an attack
			; model.bilateral_commitment = bilateral
			; model.multilateral_commitment = multilateral
			; model.reassurance_force = reassurance force | multinational force
			; model.assurances = assurances
			; guarantors = {} security guarantee | {} guarantee | {} gives | {} offers | {} extends | guarantee from {} | guarantees from {} | guaranteed by {} | {} * ready to act | together with {} | {} provides | {} will provide
			; response_decided_by = {} president ** determines * response | {} ** determines the response | response * decided by {} | {} decides * response
			; renewable = renewable | renewed | renewal | extension | extended | extendable | prolonged
			; obliges_intervention = oblige * to intervene | obliges * to intervene | obligation to intervene | obliged to intervene | must intervene
			; sanctions_snapback = sanctions * reinstated | sanctions snap back | snapback | snap back | sanctions * restored | sanctions * reimposed
			; compensated = compensated | compensation | compensate | paid for
			; void_if = void if {text} | invalid if {text} | lapses if {text} | loses * guarantee if {text} | ceases to apply if {text}`,
			SecurityGuaranteeTerms{}},
		kindSpec{"term", "Term", "implementation", "How long an agreement, or one of its provisions, runs and how it is extended.",
			`term | duration | valid for | in force for | runs for | expires | expiry | строк | срок
			; extension.none = not be extended | no extension | non-renewable | cannot be extended
			; extension.possible = possibility of extension | may be extended | can be extended | extendable | possible extension | option to extend
			; extension.mutual_agreement = by mutual agreement | by mutual consent | mutual agreement
			; extension.automatic = automatically extended | automatic extension | automatically renewed
			; extension.unspecified = unspecified`,
			TermTerms{}},
		kindSpec{"demilitarized_zone", "Demilitarized zone", "security", "An area from which forces withdraw or which they may not enter.",
			`demilitarized zone | demilitarized * zone | neutral * zone | demilitarized | demilitarization | demilitarisation | buffer zone | neutral zone | DMZ | exclusion zone | security zone | демілітаризован | демилитаризован
			; area = withdraws from {text} | withdraw from {text} | [{place}] * demilitarized | buffer zone in {text} | zone in {text}
			; withdrawing_party = {} withdraws | {} will withdraw | {} * withdraw from | {} pulls out | {} forces withdraw
			; excluded_forces = {} forces * not enter | {} forces will not | {} troops * not enter | not * entered by {} | {} * do not enter | {} * will not enter
			; recognized_as = recognized as {} | considered {}
			; monitored_by = monitored by {}
			; economic_zone = economic zone
			; demilitarized_only = civil administration | civilian administration`,
			DemilitarizedZoneTerms{}},
		kindSpec{"troop_cap", "Troop cap", "security", "A ceiling on the size of a party's armed forces.",
			`troop cap | armed forces | troops | army | capped | cap | ceiling | limited to | personnel | servicemen | size of * forces | strength of * forces | чисельність | численность | збройних сил | вооруженных сил
			; party = forces of {} | {} armed forces | {} army | {} military | {} troops | {} forces | army of {}
			; force = [armed forces of {}] | [{} armed forces] | [{} army] | [{} navy] | [navy] | [air force] | [ground forces]
			; peacetime_only = peacetime | in peace time | time of peace | мирний час | мирное время`,
			TroopCapTerms{}},
		kindSpec{"territorial", "Territorial", "territory", "What becomes of one region: ceded, recognized, frozen, negotiable.",
			`territory | territories | territorial | de facto | de jure | line of contact | contact line | annexed | annexation | ceded | cede | frozen | changed by force | change * by force | by force | Crimea | Donbas | Donetsk | Luhansk | Kherson | Zaporizhzhia | території | территории
			; region = {place}
			; disposition.recognized_de_facto = de facto | recognized as Russian | recognized as part of
			; disposition.recognized_de_jure = de jure | legally recognized | recognized in law
			; disposition.ceded = ceded | cede | cedes | transferred to | transfer of | handed over | hand over
			; disposition.frozen_at_line_of_contact = frozen | freeze | line of contact | contact line | along the front | line of deployment
			; disposition.withdrawal = withdraw | withdraws | withdrawal | gives up | give up | pull out | leave
			; disposition.negotiable = negotiation | negotiations | negotiable | swap | swaps | territorial swaps | exchange of territory | exchange of territories
			; disposition.returned = returned to | return to | returns to
			; disposition.unresolved = left to | no consensus | undecided | unresolved
			; in_favour_of = as {} | to {} | in favour of {} | in favor of {} | part of {}
			; recognized_by = including by {} | recognized by {} | recognition by {}
			; no_change_by_force = no change * by force | not * changed by force | not * change * by force | not * altered by force | not * retake * by force | not * retaken by force
			; requires_referendum = referendum`,
			TerritorialTerms{}},
		kindSpec{"alliance_membership", "Alliance membership", "security", "Whether a party may join an alliance or union, and on what terms.",
			`membership | join | joining | accession | member | enlargement | expansion | no further * expansion | renounces | renounce | neutrality | neutral status | non-aligned | statutes | членство | вступ
			; alliance = {} membership | членство в {} | членства в {} | вступ до {} | вступление в {} | join {} | joining {} | {} * expansion | {} enlargement | member of {} | accession to {} | {} statutes | membership in {} | membership of {} | expansion of {}
			; candidate = {} renounces | {} відмовляється | {} отказывается | {} renounce | {} * eligible | {} will not join | {} * not * join | {} joins | {} accession | {} membership in | {} * join | bar {} | admit {}
			; membership.renounced = відмовляється | відмова | отказывается | отказ | renounce | renounces | give up | gives up | abandon | will not join | never join | not seek | will not seek
			; membership.barred = bar | barred | bars | not admit | not be admitted | prohibit | will not accept
			; membership.no_enlargement = no further * expansion | no * enlargement | no further enlargement | not * expand | non-expansion | no expansion
			; membership.consensus_required = consensus
			; membership.eligible = eligible | eligibility
			; membership.accession_by_date = by a fixed date | by a set date | fixed date | accession date | by a date
			; membership.open = open door | may join | free to join
			; membership.unresolved = left to | undecided | unresolved
			; in_alliance_statutes = statutes | charter`,
			AllianceMembershipTerms{}},
		kindSpec{"foreign_forces", "Foreign forces", "security", "Whose forces may be stationed where.",
			`troops * stationed | stationed | deployed | deployment | based in | foreign troops | foreign forces | fighter jets | jets | military presence | bases | peacekeepers | contingent | boots on the ground | війська | войска
			; forces_of = {} troops | {} forces | {} soldiers | {} contingent | {} fighter jets | {} jets | {} peacekeepers | troops of {} | forces of {}
			; forces = [{name} fighter jets] | [fighter jets] | [{name} peacekeepers] | [peacekeepers] | [reassurance force]
			; location = stationed in {name} | based in {name} | deployed in {name} | deployed to {name} | on {name} territory | on * territory of {name} | in {name}
			; presence.prohibited = no * troops | no * forces | not be stationed | not * stationed | prohibited | banned | will not be deployed | not * deployed | no foreign
			; presence.prohibited_in_peacetime = no ** peacetime | not ** peacetime | prohibited in peacetime | in peacetime
			; presence.stationed = stationed | based in | deployed | will be based | are based
			; presence.permitted = may be stationed | permitted | allowed | may be deployed`,
			ForeignForcesTerms{}},
		kindSpec{"amnesty", "Amnesty", "justice", "Who is forgiven which acts, and whether claims are waived.",
			`amnesty | amnesties | pardon | pardons | forgiven | амністія | амнистия
			; scope.full = full amnesty | full | blanket | general amnesty | complete amnesty | all parties | повна | полная
			; scope.partial = partial | limited amnesty
			; scope.none = no amnesty | without amnesty | amnesty * dropped | amnesty * removed | without * amnesty
			; covers = for {text} | covering {text} | covers {text}
			; waives_claims = no * claims | waive * claims | waives * claims | renounce * claims | no claims
			; halts_investigations = halt * investigation | halting * investigation | halts * investigation | investigations * halted | end * investigation | close * investigations | investigations * closed`,
			AmnestyTerms{}},
		kindSpec{"sanctions", "Sanctions", "economic", "Sanctions lifted, kept or snapped back.",
			`sanctions | sanction | embargo | restrictive measures | санкції | санкции
			; target = sanctions on {} | sanctions against {} | {} sanctions | sanctions imposed on {} | sanctions relief for {} | sanctions * on {} | sanctions * against {}
			; action.lifted = lifted | lift | removed | remove | lifting
			; action.lifted_in_stages = in stages | phased | phased in | gradually | step by step | stage by stage | in phases | case by case
			; action.eased = eased | ease | easing | relief | relaxed
			; action.maintained = maintained | remain in place | kept | stay in place | remain in force
			; action.snapback = snap back | snapback | automatically reinstated
			; action.reinstated = reinstated | reimposed | restored
			; conditions = [case by case] | on condition that {text} | provided that {text} | subject to {text}`,
			SanctionsTerms{}},
		kindSpec{"assets", "Frozen assets", "economic", "What becomes of frozen assets and their profits.",
			`frozen assets | frozen | assets | reserves | central bank | immobilized | Euroclear | активи | активы
			; owner = frozen {} assets | {} assets | assets of {} | {} central bank | {} reserves | {} sovereign assets
			; matching_usd_bn = adds | add | matching | match | contributes | contribute | another | plus
			; disposition.reconstruction_vehicle = reconstruction vehicle | reconstruction | rebuild | investment vehicle | invested in
			; disposition.joint_vehicle = joint vehicle | joint investment | joint
			; disposition.remain_frozen = remain frozen | stay frozen | stays frozen | kept frozen | remain immobilized | stay immobilized
			; disposition.returned = returned to | unfrozen | released to | returned
			; disposition.compensation = compensate | compensates | compensation | reparations | damage
			; vehicle = [{name} led reconstruction vehicle] | [{name} led investment vehicle] | [reconstruction vehicle] | [investment vehicle] | [{name} vehicle]
			; profit_beneficiary = profits to {} | profit * to {} | {} receives * profits | {} gets * profits | {} * receives * of the profits
			; matched_by = {} adds | {} adding | {} contributes | matched by {} | {} matches | {} will add
			; conditions = until {text} | on condition that {text} | provided that {text}`,
			AssetsTerms{}},
		kindSpec{"elections", "Elections", "governance", "When elections are held.",
			`elections | election | polls | presidential election | parliamentary elections | вибори | выборы
			; country = elections in {} | {} holds elections | {} will hold | {} to hold | {} hold | {} holds | elections * in {}
			; timing = [as soon as possible ** signing] | [as soon as possible] | [immediately after {text}]`,
			ElectionsTerms{}},
		kindSpec{"nuclear_facility", "Nuclear facility", "security", "Who runs a nuclear plant, who supervises it and who gets its power.",
			`nuclear power plant | nuclear plant | nuclear power station | NPP | ZNPP | power plant | nuclear | reactor | reactors | electricity | АЕС | АЭС
			; facility = [{name} nuclear power plant] | [{name} NPP] | [{name} nuclear plant] | [{name} nuclear power station] | [{name} power plant]
			; management.iaea_supervised = IAEA supervision | supervised by the IAEA | under * IAEA | IAEA supervised | supervision
			; management.joint = jointly | joint management | jointly managed
			; management.trilateral = trilateral
			; management.joint_venture = joint venture | venture
			; management.national = national management | operated by Ukraine
			; management.unresolved = no consensus | unresolved | undecided | left open
			; supervised_by = supervised by {} | under {} supervision | {} supervision | {} supervised | monitored by {}
			; operated_by = [operated by {text}] | [{} as chief operator] | [{text} as * operator]
			; output_split = [{ratio} between {name}] | split {ratio} | [{ratio}] | [shared equally between {name}] | [split equally between {name}]`,
			NuclearFacilityTerms{}},
		kindSpec{"humanitarian", "Humanitarian", "humanitarian", "Exchanges of prisoners, returns of civilians and children, aid.",
			`prisoners | prisoner | prisoners of war | POWs | detainees | exchange of prisoners | prisoner exchange | civilians | children | humanitarian | family reunification | bodies | deported | полонених | обмін полоненими | пленных | обмен пленными
			; measure.prisoner_exchange = exchange * prisoners | prisoner exchange | exchange of prisoners | all for all | swap * prisoners | prisoner swap | обмін | обмен
			; measure.civilian_return = return of civilians | civilians * returned | return * civilians | children * returned | return of children | return * children
			; measure.family_reunification = family reunification | reunite families | reunification of families
			; measure.aid_access = humanitarian aid | aid access | humanitarian access | humanitarian corridors
			; scope.all_for_all = all for all | всіх на всіх | всех на всех
			; scope.partial = partial exchange | some prisoners
			; includes_civilians = civilians | civilian detainees | civilian
			; includes_children = children | child | deported children
			; includes_political_prisoners = political prisoners
			; includes_bodies = bodies | remains of the dead | exchange of bodies
			; family_reunification = family reunification | reunite families | reunification of families | reunification`,
			HumanitarianTerms{}},
		kindSpec{"ceasefire", "Ceasefire", "security", "When and how the fighting stops.",
			`ceasefire | cease fire | truce | hostilities | armistice | end of hostilities | fighting stops | stop * fighting | halt * fighting | припинення вогню | прекращение огня | перемир'я | перемирие
			; trigger = [once {text}] | [when {text}] | [upon {text}] | [immediately after {text}] | [after {text}] | [on signature] | [on signing] | [upon signing] | [immediately]
			; monitored_by = monitored by {} | {} * monitor | monitoring by {}`,
			CeasefireTerms{}},
		kindSpec{"non_aggression", "Non-aggression", "security", "An undertaking by parties not to attack one another.",
			`non-aggression | nonaggression | will not attack | not attack | will not invade | not invade | no aggression | refrain from * aggression | refrain from attacking | ненапад | ненападение
			; parties = between {} | among {} | {} * agree on | {} * agree to | {} * commit | {} will not attack | {} will not invade | {} * not attack
			; monitoring = [monitored {text}] | [monitoring by {text}] | [{text} monitoring]
			; enshrined_in_law = written into * law | enshrined in * law | into law | in law | legislation | legally enshrined | ratified`,
			NonAggressionTerms{}},
		kindSpec{"reconstruction", "Reconstruction", "economic", "Funds and market access for rebuilding.",
			`reconstruction | rebuild | rebuilding | recovery | development fund | development package | reconstruction package | investment | investments | World Bank | відбудов | восстановлен
			; fund = [{name} fund] | [development fund] | [reconstruction fund] | [{text} fund]
			; beneficiary = rebuild {} | {} reconstruction | reconstruction of {} | recovery of {}
			; managed_by = managed by {} | led by {} | {} led | run by {} | with {}
			; market_access = market access | access to * market | access * markets`,
			ReconstructionTerms{}},
		kindSpec{"implementation", "Implementation", "implementation", "Whether the agreement binds and who oversees it.",
			`legally binding | binding | implementation | implemented | oversee | overseen | overseeing | supervise | Peace Council | Board of Peace | enforcement | enforced | violations | violation
			; legally_binding = legally binding | binding
			; overseen_by = overseen by {} | oversee by {} | {} will oversee | {} oversees | {} to oversee | supervised by {} | monitored by {} | guaranteed by {}
			; chaired_by = chaired by {} | headed by {} | led by {} | {} president
			; sanctions_for_violations = sanctions for violations | violations * sanctioned | violators * sanctioned | sanction * violations | penalties for violations | violations * penalized | sanctions for * violation | violations are sanctioned`,
			ImplementationTerms{}},
		kindSpec{"sovereignty", "Sovereignty and recognition", "governance", "Whose sovereignty or statehood is affirmed or recognized, and by whom.",
			`sovereignty | sovereign | statehood | territorial integrity | independence | суверенітет | суверенитет
			; party = {} sovereignty | sovereignty of {} | {} * sovereign state | {} independence
			; affirmation.reaffirmed = reaffirm | reaffirmed | affirm | affirmed | confirmed | confirm | respected
			; affirmation.recognized = recognize | recognized | recognition
			; affirmation.mutual_recognition = mutual recognition | recognize each other
			; affirmation.recognition_withheld = not recognize | no recognition | withhold * recognition | recognition * withheld
			; affirmation.recognition_revoked = recognition * revoked | revoke * recognition | recognition * withdrawn
			; affirmation.unresolved = unresolved | left open
			; affirmed_by = affirmed by {} | reaffirmed by {} | {} reaffirm | {} confirm | {} recognize | {} * will respect
			; territorial_integrity = territorial integrity`,
			SovereigntyTerms{}},
		kindSpec{"arms_control", "Arms control and non-proliferation", "security", "Arms-control treaties, limits on weapons, non-nuclear status.",
			`arms control | non-proliferation | nonproliferation | START | New START | treaty | treaties | nuclear weapons | non-nuclear | missiles | weapons | disarmament | INF | ядерн
			; measure.treaty_extension = extend | extended | extension | prolong | prolonged | renew | renewed
			; measure.new_treaty = new treaty | new agreement | conclude * treaty
			; measure.non_nuclear_status = non-nuclear | nuclear-free | without nuclear weapons | no nuclear weapons | non-nuclear state | non-nuclear status | nuclear weapons free
			; measure.weapons_ban = ban | banned | prohibited | prohibit
			; measure.weapons_limit = limit | limits | limited | cap | range
			; measure.inspections = inspection | inspections | inspectors | verification
			; parties = {} remains | {} stays | {} will remain | {} commits | {} to remain | between {}
			; treaties = [arms control treaties ** START] | [arms control treaties] | [New START] | [START] | [{name} Treaty]
			; weapons = [nuclear weapons] | [missiles] | [{text} weapons]`,
			ArmsControlTerms{}},
		kindSpec{"rights", "Minority, language, religious, media and education rights", "governance", "Rights of minorities, languages and religions, media freedom, education.",
			`rights | minority | minorities | language | languages | religious | religion | tolerance | media | education | freedom of | discrimination | Nazi | ideology | church | права | мови | языка
			; standard = [EU rules] | [{name} rules] | [{name} standards] | [European standards] | [EU standards]
			; religious = religious | religion | church | faith
			; minority_languages = minority languages | minority language | languages | language
			; minorities = national minorities | minority rights | rights of minorities
			; media = media | press freedom | freedom of the press
			; education = education | schools | school
			; measures = [programmes of {text}] | [programs of {text}] | [tolerance programmes] | [tolerance programs] | [{text} programmes] | [{text} programs]
			; bans = ban on {text} | banning {text} | ban {text} | prohibit {text} | prohibition of {text}`,
			RightsTerms{}},
		kindSpec{"monitoring", "Monitoring, verification and dispute resolution", "implementation", "Who watches over compliance, how, and how disputes are settled.",
			`monitoring | monitored | monitor | verification | verify | observers | observation | satellite | dispute resolution | disputes | arbitration | моніторинг | мониторинг
			; mechanism.monitoring = monitor | monitoring | monitored | observers | observation
			; mechanism.verification = verification | verify | verified
			; mechanism.dispute_resolution = dispute | disputes | arbitration | dispute resolution
			; mechanism.violation_sanctions = sanctions for violations | violations * sanctioned
			; monitored_by = monitored by {} | {} monitors | {} will monitor | {} to monitor | monitoring by {} | observers from {}
			; means = [from space] | [by satellite] | [via satellite] | [satellite {text}] | [{text} mission] | [drones]
			; subject = monitoring of {text} | monitor {text} | monitors {text}`,
			MonitoringTerms{}},
		kindSpec{"ratification", "Ratification", "implementation", "How the agreement, or a part of it, is approved at home: a referendum, a parliamentary vote, a law.",
			`ratified | ratify | ratification | referendum | parliament | Duma | Verkhovna Rada | Rada | Congress | legislation | written into * law | approved by | референдум | ратифік | ратифиц
			; method.referendum = referendum | plebiscite
			; method.parliamentary_vote = parliament | Duma | Rada | vote | ratified by | Congress | ratify | ratification
			; method.legislation = law | legislation | enshrined | written into | enacted
			; method.signature = signed | signature | signing
			; country = {} parliament | {} law | {} Duma | {} legislature | {} Congress | by {}
			; body = [State Duma] | [Duma] | [Verkhovna Rada] | [{name} parliament] | [Congress] | [{name} Senate]
			; condition = only if {text} | if {text} | provided that {text}`,
			RatificationTerms{}},
		kindSpec{"reparations", "Reparations and compensation", "justice", "Who pays whom for the war's damage, and from what.",
			`reparations | reparation | compensation for * damage | war damage | damages | claims commission | restitution | compensation fund | репарац
			; form.reparations = reparations | reparation
			; form.compensation = compensation | compensate | compensates
			; form.restitution = restitution
			; form.claims_commission = claims commission
			; form.fund = compensation fund | fund
			; payer = {} pays | {} compensates | paid by {} | {} will pay | {} to pay | {} shall pay
			; recipient = compensates {} | pays {} | paid to {} | to {} for
			; funded_from = [from {text} assets] | [frozen assets] | from {text}
			; conditions = on condition that {text} | provided that {text}`,
			ReparationsTerms{}},
		kindSpec{"navigation", "Navigation and transit", "economic", "Passage of ships and goods on a waterway or route.",
			`navigation | shipping | shipments | grain | Black Sea | Dnipro | passage | transit | ports | corridor | waterway | Sea of Azov | Kerch Strait | судноплав | судоход
			; waterway = [Dnipro River] | [{name} River] | [the Dnipro] | [Black Sea] | [Sea of Azov] | [{name} Strait] | [{name} Sea] | [Dnipro]
			; access.free_navigation = free navigation | freedom of navigation | free passage | navigation
			; access.guaranteed_transit = transit | shipments | corridor | guaranteed passage
			; access.restricted = restricted | limited
			; access.closed = closed | blockade
			; access.unresolved = unresolved
			; cargo = [grain] | [{text} shipments] | [oil] | [ammonia] | [fertilizers]
			; beneficiaries = for {} | {} ports`,
			NavigationTerms{}},
		kindSpec{"trade", "Trade agreement", "economic", "Trade agreements, market access and economic cooperation between parties.",
			`trade | free trade | economic cooperation | trade agreement | market access | commerce | business deals | joint ventures | economic ties | торгівл | торговл
			; agreement.free_trade_agreement = free trade | free trade agreement
			; agreement.market_access = market access | access to * market | access * markets
			; agreement.economic_cooperation = economic cooperation | cooperation | economic ties | projects
			; agreement.investment = investment | invest | investments
			; parties = between {} | {} free trade | {} trade agreement | {} economic cooperation | {} * agreement
			; scope = [long term]`,
			TradeTerms{}},
		kindSpec{"international_body", "Reintegration into international bodies", "economic", "A party's return to, or exclusion from, an international body such as the G8.",
			`G8 | G7 | G20 | Council of Europe | United Nations | Security Council | WTO | OSCE | group of eight | readmitted | rejoin | back in the
			; party = {} returns | {} * back in | {} rejoins | readmit {} | invite {} | {} will be invited | {} * return | {} to return | {} invited | return of {} | {} back
			; body = [G8] | [G7] | [G20] | [Council of Europe] | [WTO] | [OSCE] | [{name} Council]
			; outcome.return = return | returns | back | rejoin | readmit | readmitted
			; outcome.invitation = invite | invited | invitation
			; outcome.membership = membership | join | accession
			; outcome.suspension = suspend | suspended | expel | expelled
			; outcome.unresolved = unresolved`,
			InternationalBodyTerms{}},
		kindSpec{"dialogue", "Dialogue body, working group or commission", "implementation", "A body the agreement creates for the parties to talk: a dialogue, a working group, a commission.",
			`dialogue | working group | commission | committee | talks | consultations | mediated | mediation | діалог | диалог | робоча група | рабочая группа
			; body = [{name} working group] | [working group on {text}] | [{name} committee] | [humanitarian committee] | [{name} dialogue] | [dialogue between {}] | [{name} commission] | [working group] | [committee] | [dialogue]
			; form.dialogue = dialogue | talks | consultations
			; form.working_group = working group
			; form.commission = commission
			; form.committee = committee
			; form.council = council
			; members = between {} | among {} | {} working group | {} dialogue | {} committee | {} * talks
			; mediated_by = mediated by {} | {} mediation | {} mediates | with {} mediation | {} as mediator | under {} mediation
			; chaired_by = chaired by {} | headed by {}`,
			DialogueTerms{}},
		kindSpec{"troop_withdrawal", "Troop withdrawal", "security", "Whose forces leave which area, to where and by when.",
			`withdraw | withdraws | withdrawal | withdrawn | pull out | pulls out | pull back | pullback | retreat | redeploy | відвед | вывод
			; party = {} forces withdraw | {} troops withdraw | {} withdraws | {} will withdraw | withdrawal of {} | {} pull | {} forces * withdraw | {} * withdraw from | {} forces leave
			; from = withdraw from [{name} regions] | withdraw from [{name} region] | withdraws from [{name} regions] | withdraw from {name} | withdraws from {name} | withdraw from {text} | withdraws from {text} | withdrawal from {text} | leave {text} | out of {text}
			; to = [behind {text}] | back to {text}
			; verified_by = verified by {} | monitored by {}`,
			TroopWithdrawalTerms{}},
		kindSpec{"sequencing", "Sequencing", "implementation", "What must happen before what, and how long the first step must last.",
			`only after | precondition | prior to | not before | as a precondition | must first | first step | in parallel
			; first = only after {text} | [{text}] must first | once {text}
			; then = [{text}] only after | [{text}] will follow`,
			SequencingTerms{}},
		kindSpec{"other", "Other", "governance", "A provision whose wording carries it; no typed terms.",
			`; parties = {all}`,
			OtherTerms{}},
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
