package userindex

import "slices"

// Claims returns the claims sorted and without duplicates. Backends store
// and return this form, and insert claims in this order so that two
// transactions never wait on each other's claims in opposite orders.
func Claims(claims []string) []string {
	out := slices.Clone(claims)
	slices.Sort(out)
	return slices.Compact(out)
}

// DiffClaims compares two outputs of Claims: the claims only new holds and
// the claims only old holds.
func DiffClaims(old, new []string) (add, del []string) {
	for _, c := range new {
		if _, found := slices.BinarySearch(old, c); !found {
			add = append(add, c)
		}
	}
	for _, c := range old {
		if _, found := slices.BinarySearch(new, c); !found {
			del = append(del, c)
		}
	}
	return add, del
}
