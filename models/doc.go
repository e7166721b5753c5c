// Package models is the domain of Plantracker: parties, plans, drafts,
// provisions and the changes made to them, the registry of provision kinds
// with their typed terms, and the rules that validate them.
//
// It is pure Go on purpose: no GORM, no Gin. The store persists these types,
// the API serialises them to programs and the UI renders them for people, but
// every rule about what a valid provision is lives here, once.
package models
