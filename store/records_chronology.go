package store

// The rows of the record beyond the texts: stances on drafts as a whole
// and events. Parties are referenced by id, as everywhere (see records.go).

// draftStanceRecord: a party's stance on a draft as a whole. It goes with
// its draft (CASCADE); its party cannot be deleted under it (RESTRICT).
type draftStanceRecord struct {
	ID      int64        `gorm:"primaryKey" json:"id"`
	DraftID int64        `gorm:"not null;index" json:"draft_id"`
	Draft   *draftRecord `gorm:"foreignKey:DraftID;constraint:OnDelete:CASCADE" json:"-"`
	PartyID int64        `gorm:"not null;index" json:"party_id"`
	Party   *partyRecord `gorm:"foreignKey:PartyID;constraint:OnDelete:RESTRICT" json:"-"`
	Stance  string       `gorm:"not null" json:"stance"`
	Date    string       `gorm:"not null;default:''" json:"date"`
	Quote   string       `gorm:"type:text;not null;default:''" json:"quote"`
	Sources string       `gorm:"type:text;not null;default:'[]'" json:"sources"` // JSON list of models.Citation
	StampColumns
}

func (draftStanceRecord) TableName() string { return "draft_stances" }

// eventRecord: something that happened. Keys is a JSON list of provision
// keys (slugs, so a LIKE on `"key"` finds them exactly); parties and drafts
// are rows of their own, linked by id.
type eventRecord struct {
	ID      int64  `gorm:"primaryKey" json:"id"`
	Key     string `gorm:"not null;uniqueIndex" json:"key"`
	Date    string `gorm:"not null;index" json:"date"`
	EndDate string `gorm:"not null;default:''" json:"end_date"`
	Kind    string `gorm:"not null;index" json:"kind"`
	Title   string `gorm:"type:text;not null" json:"title"`
	Place   string `gorm:"not null;default:''" json:"place"`
	Summary string `gorm:"type:text;not null;default:''" json:"summary"`
	// OriginalLanguage and Translations, as a provision's (a JSON list of
	// models.Translation).
	OriginalLanguage string `gorm:"not null;default:'en'" json:"original_language"`
	Translations     string `gorm:"type:text;not null;default:'[]'" json:"translations"`
	Sources          string `gorm:"type:text;not null;default:'[]'" json:"sources"`
	Keys             string `gorm:"type:text;not null;default:'[]'" json:"keys"`
	StampColumns
}

func (eventRecord) TableName() string { return "events" }

// eventPartyRecord: a party that took part in an event, in the event's
// order.
type eventPartyRecord struct {
	EventID  int64        `gorm:"primaryKey;autoIncrement:false" json:"event_id"`
	Event    *eventRecord `gorm:"foreignKey:EventID;constraint:OnDelete:CASCADE" json:"-"`
	PartyID  int64        `gorm:"primaryKey;autoIncrement:false;index" json:"party_id"`
	Party    *partyRecord `gorm:"foreignKey:PartyID;constraint:OnDelete:RESTRICT" json:"-"`
	Position int          `gorm:"not null" json:"position"`
}

func (eventPartyRecord) TableName() string { return "event_parties" }

// eventDraftRecord: a draft an event concerns. A deleted draft drops out
// of the events that named it (CASCADE): the event still happened.
type eventDraftRecord struct {
	EventID  int64        `gorm:"primaryKey;autoIncrement:false" json:"event_id"`
	Event    *eventRecord `gorm:"foreignKey:EventID;constraint:OnDelete:CASCADE" json:"-"`
	DraftID  int64        `gorm:"primaryKey;autoIncrement:false;index" json:"draft_id"`
	Draft    *draftRecord `gorm:"foreignKey:DraftID;constraint:OnDelete:CASCADE" json:"-"`
	Position int          `gorm:"not null" json:"position"`
}

func (eventDraftRecord) TableName() string { return "event_drafts" }
