package store

import "time"

// The rows as stored. They are the store's own business: callers see only
// models types. Parties are referenced by id in the database, so renaming a
// party's short name cannot orphan a link, and a party still referenced
// cannot be deleted (foreign keys with RESTRICT).

type partyRecord struct {
	ID        int64  `gorm:"primaryKey"`
	Name      string `gorm:"not null"`
	ShortName string `gorm:"not null;uniqueIndex"`
	Type      string `gorm:"not null"`
	Version   int    `gorm:"not null"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (partyRecord) TableName() string { return "parties" }

type planRecord struct {
	ID          int64        `gorm:"primaryKey"`
	Title       string       `gorm:"not null"`
	OriginID    *int64       `gorm:"index"`
	Origin      *partyRecord `gorm:"foreignKey:OriginID;constraint:OnDelete:RESTRICT"`
	Description string       `gorm:"not null"`
	Version     int          `gorm:"not null"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (planRecord) TableName() string { return "plans" }

type draftRecord struct {
	ID           int64        `gorm:"primaryKey"`
	PlanID       int64        `gorm:"not null;uniqueIndex:drafts_plan_number"`
	Plan         *planRecord  `gorm:"foreignKey:PlanID;constraint:OnDelete:CASCADE"`
	Number       int          `gorm:"not null;uniqueIndex:drafts_plan_number"`
	Label        string       `gorm:"not null"`
	Date         string       `gorm:"not null"`
	Status       string       `gorm:"not null"`
	Description  string       `gorm:"not null"`
	Sources      string       `gorm:"type:text;not null"` // JSON list of citations
	ForkedFromID *int64       `gorm:"index"`
	ForkedFrom   *draftRecord `gorm:"foreignKey:ForkedFromID;constraint:OnDelete:SET NULL"`
	Version      int          `gorm:"not null"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (draftRecord) TableName() string { return "drafts" }

// signatoryRecord: a party with a signature space on a draft. Position keeps
// the order the draft lists them in.
type signatoryRecord struct {
	DraftID  int64        `gorm:"primaryKey;autoIncrement:false"`
	Draft    *draftRecord `gorm:"foreignKey:DraftID;constraint:OnDelete:CASCADE"`
	PartyID  int64        `gorm:"primaryKey;autoIncrement:false;index"`
	Party    *partyRecord `gorm:"foreignKey:PartyID;constraint:OnDelete:RESTRICT"`
	Position int          `gorm:"not null"`
}

func (signatoryRecord) TableName() string { return "draft_signatories" }

type provisionRecord struct {
	ID        int64        `gorm:"primaryKey"`
	DraftID   int64        `gorm:"not null;uniqueIndex:provisions_draft_key;index:provisions_draft_order,priority:1"`
	Draft     *draftRecord `gorm:"foreignKey:DraftID;constraint:OnDelete:CASCADE"`
	Key       string       `gorm:"not null;uniqueIndex:provisions_draft_key"`
	Point     string       `gorm:"not null"`
	SortKey   int          `gorm:"not null;index:provisions_draft_order,priority:2"`
	Category  string       `gorm:"not null;index"`
	Kind      string       `gorm:"not null;index"`
	Title     string       `gorm:"not null"`
	Text      string       `gorm:"type:text;not null"`
	Terms     string       `gorm:"type:text;not null"` // canonical JSON, see models.Kind.DecodeTerms
	Status    string       `gorm:"not null;index"`
	Sourcing  string       `gorm:"not null"`
	Citation  string       `gorm:"type:text;not null"`
	Version   int          `gorm:"not null"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (provisionRecord) TableName() string { return "provisions" }

// provisionPartyRecord: one party in one role on a provision.
type provisionPartyRecord struct {
	ProvisionID int64            `gorm:"primaryKey;autoIncrement:false"`
	Provision   *provisionRecord `gorm:"foreignKey:ProvisionID;constraint:OnDelete:CASCADE"`
	PartyID     int64            `gorm:"primaryKey;autoIncrement:false;index"`
	Party       *partyRecord     `gorm:"foreignKey:PartyID;constraint:OnDelete:RESTRICT"`
	Role        string           `gorm:"primaryKey"`
	Stance      string           `gorm:"not null"`
	Position    int              `gorm:"not null"`
}

func (provisionPartyRecord) TableName() string { return "provision_parties" }

type changeRecord struct {
	ID       int64     `gorm:"primaryKey"`
	At       time.Time `gorm:"not null;index"`
	Actor    string    `gorm:"not null;index"`
	Entity   string    `gorm:"not null;index:changes_entity,priority:1"`
	EntityID int64     `gorm:"not null;index:changes_entity,priority:2"`
	Action   string    `gorm:"not null"`
	Before   string    `gorm:"type:text"`
	After    string    `gorm:"type:text"`
}

func (changeRecord) TableName() string { return "changes" }
