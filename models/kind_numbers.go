package models

import (
	"math"
	"reflect"
)

// smallestNumber is the smallest non-zero magnitude a number term may
// have. Numbers are shown to two decimals: 5e-324 would show as "USD 0 bn"
// and make any comparison with it an infinite percentage.
const smallestNumber = 0.01

// tinyNumbers reports the number terms (of decoded terms, a struct value of
// the kind's type) that are not zero but smaller than smallestNumber.
func (k *Kind) tinyNumbers(terms reflect.Value) *ValidationError {
	verr := &ValidationError{}
	for _, f := range k.Fields {
		if f.Type != FieldNumber {
			continue
		}
		v := terms.Field(f.index)
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				continue
			}
			v = v.Elem()
		}
		if n := v.Float(); n != 0 && math.Abs(n) < smallestNumber {
			verr.Add("terms."+f.Name, "must be 0 or at least %g: numbers are kept to two decimals", smallestNumber)
		}
	}
	if len(verr.Errors) == 0 {
		return nil
	}
	return verr
}
