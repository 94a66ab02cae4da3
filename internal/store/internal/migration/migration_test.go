package migration

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name     string
		files    fstest.MapFS
		versions []int64
		err      string
	}{
		{
			name: "sorted by number, not by name",
			files: fstest.MapFS{
				"m/10_late.sql":   {Data: []byte("late")},
				"m/0002_two.sql":  {Data: []byte("two")},
				"m/0001_init.sql": {Data: []byte("init")},
				"m/README.md":     {Data: []byte("ignored")},
			},
			versions: []int64{1, 2, 10},
		},
		{
			name:  "no number",
			files: fstest.MapFS{"m/init.sql": {}},
			err:   "positive number",
		},
		{
			name:  "zero",
			files: fstest.MapFS{"m/0000_init.sql": {}},
			err:   "positive number",
		},
		{
			name:  "duplicate version",
			files: fstest.MapFS{"m/1_a.sql": {}, "m/0001_b.sql": {}},
			err:   "share version 1",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := Load(tc.files, "m")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("Load: err = %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, m := range ms {
				got = append(got, m.Version)
			}
			if len(got) != len(tc.versions) {
				t.Fatalf("versions = %v, want %v", got, tc.versions)
			}
			for i := range got {
				if got[i] != tc.versions[i] {
					t.Fatalf("versions = %v, want %v", got, tc.versions)
				}
			}
			if ms[0].SQL != "init" {
				t.Errorf("first SQL = %q, want %q", ms[0].SQL, "init")
			}
		})
	}
}
