#!/bin/sh
# The dashboard's list of countries, {"AFG": "Afghanistan", ...}, from the dictionary's country
# lines (dict/countries.txt: "CODE country = Name | Other name"): the country pickers offer these
# codes only, so regions (dict/regions.txt), IGOs and NGOs are not in them.
#   scripts/countries-json.sh dict/countries.txt > build/web/countries.json
awk '$2 == "country" && $3 == "=" {
         name = $0; sub(/^[^=]*= */, "", name); sub(/ *\|.*$/, "", name); gsub(/["\\]/, "", name)
         if (!($1 in seen)) { seen[$1] = 1; printf "%s\"%s\": \"%s\"", n++ ? ",\n " : "{", $1, name }
     }
     END { print n ? "}" : "{}" }' "$@"
