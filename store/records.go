package store

import "time"

// The rows as stored. They are the store's own business: callers see only
// models types. Parties are referenced by id in the database, so renaming a
// party's short name cannot orphan a link, and a party still referenced
// cannot be deleted (foreign keys with RESTRICT).

// StampColumns are the columns of every row that is edited under a version
// (models.RowStamps): its version, for conflicting writes, and its times.
// Records embed it, so the columns and the export's members keep their
// names and places. It is exported only because GORM reads no unexported
// field, embedded ones included; it is no part of the package's API.
type StampColumns struct {
	Version   int       `gorm:"not null" json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

type partyRecord struct {
	ID        int64  `gorm:"primaryKey" json:"id"`
	Name      string `gorm:"not null" json:"name"`
	ShortName string `gorm:"not null;uniqueIndex" json:"short_name"`
	Type      string `gorm:"not null" json:"type"`
	StampColumns
}

func (partyRecord) TableName() string { return "parties" }

type planRecord struct {
	ID          int64        `gorm:"primaryKey" json:"id"`
	Title       string       `gorm:"not null" json:"title"`
	OriginID    *int64       `gorm:"index" json:"origin_id"`
	Origin      *partyRecord `gorm:"foreignKey:OriginID;constraint:OnDelete:RESTRICT" json:"-"`
	Description string       `gorm:"not null" json:"description"`
	StampColumns
}

func (planRecord) TableName() string { return "plans" }

type draftRecord struct {
	ID           int64        `gorm:"primaryKey" json:"id"`
	PlanID       int64        `gorm:"not null;uniqueIndex:drafts_plan_number" json:"plan_id"`
	Plan         *planRecord  `gorm:"foreignKey:PlanID;constraint:OnDelete:CASCADE" json:"-"`
	Number       int          `gorm:"not null;uniqueIndex:drafts_plan_number" json:"number"`
	Label        string       `gorm:"not null" json:"label"`
	Date         string       `gorm:"not null" json:"date"`
	Status       string       `gorm:"not null" json:"status"`
	Coverage     string       `gorm:"not null;default:partial" json:"coverage"`
	Stage        string       `gorm:"not null;default:''" json:"stage"`
	Standing     string       `gorm:"not null;default:reported;index" json:"standing"` // drafts before standings were reported
	Description  string       `gorm:"not null" json:"description"`
	Sources      string       `gorm:"type:text;not null" json:"sources"` // JSON list of citations
	ForkedFromID *int64       `gorm:"index" json:"forked_from_id"`
	ForkedFrom   *draftRecord `gorm:"foreignKey:ForkedFromID;constraint:OnDelete:SET NULL" json:"-"`
	StampColumns
}

func (draftRecord) TableName() string { return "drafts" }

// signatoryRecord: a party with a signature space on a draft. Position keeps
// the order the draft lists them in.
type signatoryRecord struct {
	DraftID  int64        `gorm:"primaryKey;autoIncrement:false" json:"draft_id"`
	Draft    *draftRecord `gorm:"foreignKey:DraftID;constraint:OnDelete:CASCADE" json:"-"`
	PartyID  int64        `gorm:"primaryKey;autoIncrement:false;index" json:"party_id"`
	Party    *partyRecord `gorm:"foreignKey:PartyID;constraint:OnDelete:RESTRICT" json:"-"`
	Position int          `gorm:"not null" json:"position"`
}

func (signatoryRecord) TableName() string { return "draft_signatories" }

type provisionRecord struct {
	ID       int64        `gorm:"primaryKey" json:"id"`
	DraftID  int64        `gorm:"not null;uniqueIndex:provisions_draft_key;index:provisions_reading_order,priority:1" json:"draft_id"`
	Draft    *draftRecord `gorm:"foreignKey:DraftID;constraint:OnDelete:CASCADE" json:"-"`
	Key      string       `gorm:"not null;uniqueIndex:provisions_draft_key;index:provisions_key;index:provisions_reading_order,priority:3" json:"key"` // provisions_key: a key across drafts (timelines)
	Point    string       `gorm:"not null" json:"point"`
	SortKey  int          `gorm:"not null;index:provisions_reading_order,priority:2" json:"sort_key"`
	Category string       `gorm:"not null;index" json:"category"`
	Kind     string       `gorm:"not null;index" json:"kind"`
	Title    string       `gorm:"not null" json:"title"`
	Text     string       `gorm:"type:text;not null" json:"text"`
	// OriginalLanguage and Translations: the words in other languages, a
	// JSON list of models.Translation (citations without their references)
	// on the row itself, so a provision still reads in one statement.
	OriginalLanguage string `gorm:"not null;default:'en'" json:"original_language"`
	Translations     string `gorm:"type:text;not null;default:'[]'" json:"translations"`
	// TranslationWords are the translations' titles and texts as plain
	// text: what the full-text index reads of them (see translationWords).
	TranslationWords string `gorm:"type:text;not null;default:''" json:"translation_words"`
	Terms            string `gorm:"type:text;not null" json:"terms"` // canonical JSON, see models.Kind.DecodeTerms
	Status           string `gorm:"not null;index" json:"status"`
	Sourcing         string `gorm:"not null;index" json:"sourcing"`
	Sources          string `gorm:"type:text;not null;default:'[]'" json:"sources"` // JSON list of models.Citation
	// Citation is the free-text citation of databases made before sources
	// were records; migrateLegacyCitations turns it into source records.
	Citation string `gorm:"type:text;not null;default:''" json:"citation,omitempty"`
	StampColumns
}

func (provisionRecord) TableName() string { return "provisions" }

// provisionPartyRecord: one party in one role on a provision. The index
// provision_parties_links holds every column, in the order a provision's
// links are read (by position): reading the links of a page of provisions
// never touches the table. provision_parties_party_provision keeps a
// party's provisions together: a search filtered by a party checks each
// match there, within the few pages of that party, rather than across
// the whole primary key (half the time for a word with 1,700 matches).
type provisionPartyRecord struct {
	ProvisionID int64            `gorm:"primaryKey;autoIncrement:false;index:provision_parties_links,priority:1;index:provision_parties_party_provision,priority:2" json:"provision_id"`
	Provision   *provisionRecord `gorm:"foreignKey:ProvisionID;constraint:OnDelete:CASCADE" json:"-"`
	PartyID     int64            `gorm:"primaryKey;autoIncrement:false;index;index:provision_parties_links,priority:3;index:provision_parties_party_provision,priority:1" json:"party_id"`
	Party       *partyRecord     `gorm:"foreignKey:PartyID;constraint:OnDelete:RESTRICT" json:"-"`
	Role        string           `gorm:"primaryKey;index:provision_parties_links,priority:4" json:"role"`
	Stance      string           `gorm:"not null;index:provision_parties_links,priority:5" json:"stance"`
	Position    int              `gorm:"not null;index:provision_parties_links,priority:2" json:"position"`
	StanceDate  string           `gorm:"not null;default:''" json:"stance_date"`
	// StanceSources is a JSON list of models.Citation.
	StanceSources string `gorm:"type:text;not null;default:'[]'" json:"stance_sources"`
}

func (provisionPartyRecord) TableName() string { return "provision_parties" }

// sourceRecord: a publication or document that facts rest on. Citations
// name it by Key, from JSON lists on drafts, provisions and party links.
type sourceRecord struct {
	ID        int64  `gorm:"primaryKey" json:"id"`
	Key       string `gorm:"not null;uniqueIndex" json:"key"`
	Publisher string `gorm:"not null" json:"publisher"`
	Title     string `gorm:"type:text;not null" json:"title"`
	Date      string `gorm:"not null" json:"date"`
	URL       string `gorm:"type:text;not null" json:"url"`
	Language  string `gorm:"not null" json:"language"`
	Quote     string `gorm:"type:text;not null" json:"quote"`
	// Translations: the quote in other languages, a JSON list of
	// models.QuoteTranslation.
	Translations string `gorm:"type:text;not null;default:'[]'" json:"translations"`
	Note         string `gorm:"type:text;not null" json:"note"`
	StampColumns
}

func (sourceRecord) TableName() string { return "sources" }

type changeRecord struct {
	ID       int64     `gorm:"primaryKey" json:"id"`
	At       time.Time `gorm:"not null;index" json:"at"`
	Actor    string    `gorm:"not null;index" json:"actor"`
	Entity   string    `gorm:"not null;index:changes_entity,priority:1" json:"entity"`
	EntityID int64     `gorm:"not null;index:changes_entity,priority:2" json:"entity_id"`
	Action   string    `gorm:"not null" json:"action"`
	Before   string    `gorm:"type:text" json:"before"`
	After    string    `gorm:"type:text" json:"after"`
}

func (changeRecord) TableName() string { return "changes" }
