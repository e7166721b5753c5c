// Package numbers writes the numbers of a plan's terms as the tracker shows
// them: "600,000", "USD 100 bn", "50%" (Format). It uses the standard
// library only.
package numbers
