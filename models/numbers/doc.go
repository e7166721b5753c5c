// Package numbers reads the numbers a text states, with their units, and
// writes them as the tracker shows them. It reads drafts as reporting and
// leaks write them, in English, Ukrainian and Russian: "600,000
// personnel", "600 000", "600 тисячами", "ten years", "10-year",
// "USD 100 bn", "$100bn", "100 млрд доларів", "50%", "30–50 years"; and it
// leaves alone what is not a quantity: point and article numbers, names
// ("G8"), dates, years, ratios ("50:50"). Read gives the quantities of a
// text; Tokens and Quantities the same in two steps, for a reader that
// keeps the tokens; Format writes a number with its unit ("USD 100 bn").
//
// It is one small package, below models, so that the parser of drafts'
// texts (models/parse) and the check that a provision's wording agrees
// with its terms (models, wording.go) read the same text the same way: a
// point the parser reads as a limit of 600,000 is not one the wording
// check reads as 600. It uses the standard library only.
package numbers
