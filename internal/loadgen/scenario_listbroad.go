package loadgen

import "context"

// listBroadPage is the page size of the listbroad scenario.
const listBroadPage = 60

// listBroadScenario is ListUsers filtered on a prefix every load user
// matches (the user prefix itself): the first page, then the page after it
// through its PaginationToken. Where the listusers scenario's filter
// matches ten users whatever the pool's size, this one matches all of
// them, so a server whose filtered listing costs the number of matches
// rather than the page slows down as the pool grows.
var listBroadScenario = scenario{
	name:    "listbroad",
	what:    `ListUsers with Filter username ^= "<user prefix>" (every load user matches), a page of 60 and the next one`,
	prepare: needUsers,
	run: func(ctx context.Context, e *env, f *Flow) error {
		attr, prefix := e.broadPrefix()
		var first listUsersOut
		in := listUsersPrefixIn(e.poolID, attr, prefix, listBroadPage)
		if err := f.idp(ctx, "ListUsers", true, in, &first); err != nil {
			return err
		}
		if err := f.check("ListUsers", checkListed(&first, attr, prefix)); err != nil {
			return err
		}
		if first.PaginationToken == "" {
			if len(first.Users) < min(e.o.Users, listBroadPage) {
				return f.check("ListUsers", badResponse("ListUsers listed %d of %d matching users and gave no PaginationToken", len(first.Users), e.o.Users))
			}
			return nil
		}
		var next listUsersOut
		in.PaginationToken = first.PaginationToken
		if err := f.idp(ctx, "ListUsers", true, in, &next); err != nil {
			return err
		}
		if err := f.check("ListUsers", checkListed(&next, attr, prefix)); err != nil {
			return err
		}
		seen := make(map[string]bool, len(first.Users))
		for _, u := range first.Users {
			seen[u.Username] = true
		}
		for _, u := range next.Users {
			if seen[u.Username] {
				return f.check("ListUsers", badResponse("the page after the PaginationToken lists %q again", u.Username))
			}
		}
		return nil
	},
}

// broadPrefix is the filter every load user matches: the user prefix, on
// the username, or on the email where usernames are emails.
func (e *env) broadPrefix() (attr, prefix string) {
	attr, _ = e.listPrefix(0)
	return attr, e.o.UserPrefix
}
