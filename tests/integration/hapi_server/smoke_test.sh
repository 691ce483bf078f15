#!/usr/bin/env bash
# Smoke test against a running server: ./smoke_test.sh [base_url]
# Prints one line per check: <label> <HTTP status> [detail]
set -u
B=${1:-http://127.0.0.1:18080/fhir}
CT='Content-Type: application/fhir+json'
ID=$(python3 -c 'import uuid;print(uuid.uuid4())')
H=$(mktemp); O=$(mktemp)
req() { curl -s -D "$H" -o "$O" -w '%{http_code}' "$@"; }
hdr() { grep -i "^$1:" "$H" | tr -d '\r' | cut -d' ' -f2-; }
pat() { printf '{"resourceType":"Patient","id":"%s","name":[{"family":"%s"}]}' "$ID" "$1"; }

echo "PUT Patient/$ID (create)        $(req -X PUT -H "$CT" --data "$(pat One)" "$B/Patient/$ID")  ETag=$(hdr ETag)"
echo "GET Patient/$ID                 $(req "$B/Patient/$ID")  ETag=$(hdr ETag) versionId=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["meta"]["versionId"])' "$O")"
echo "PUT If-Match W/\"1\" (update)     $(req -X PUT -H "$CT" -H 'If-Match: W/"1"' --data "$(pat Two)" "$B/Patient/$ID")  ETag=$(hdr ETag) versionId=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["meta"]["versionId"])' "$O")"
echo "PUT stale If-Match W/\"1\"        $(req -X PUT -H "$CT" -H 'If-Match: W/"1"' --data "$(pat Three)" "$B/Patient/$ID")  $(python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print(d["resourceType"], d.get("issue",[{}])[0].get("diagnostics","")[:120])' "$O")"

P2=$(python3 -c 'import uuid;print(uuid.uuid4())'); O2=$(python3 -c 'import uuid;print(uuid.uuid4())')
TX=$(cat <<JSON
{"resourceType":"Bundle","type":"transaction","entry":[
 {"fullUrl":"Patient/$P2","resource":{"resourceType":"Patient","id":"$P2","name":[{"family":"Tx"}]},
  "request":{"method":"PUT","url":"Patient/$P2"}},
 {"fullUrl":"Observation/$O2","resource":{"resourceType":"Observation","id":"$O2","status":"final",
  "code":{"text":"x"},"subject":{"reference":"Patient/$P2"}},"request":{"method":"PUT","url":"Observation/$O2"}}]}
JSON
)
echo "POST transaction (2 PUTs)       $(req -X POST -H "$CT" --data "$TX" "$B")  $(python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print(d["type"], [e["response"]["status"] for e in d["entry"]])' "$O")"

for i in 1 2 3 4; do
  X=$(python3 -c 'import uuid;print(uuid.uuid4())')
  curl -s -o /dev/null -X PUT -H "$CT" --data "{\"resourceType\":\"Observation\",\"id\":\"$X\",\"status\":\"final\",\"code\":{\"text\":\"o$i\"}}" "$B/Observation/$X"
done
echo "GET Observation?_lastUpdated=gt2020-01-01&_count=2  $(req "$B/Observation?_lastUpdated=gt2020-01-01&_count=2")  $(python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print("total=",d.get("total"),"entries=",len(d.get("entry",[])),"links=",[l["relation"] for l in d["link"]])' "$O")"
NEXT=$(python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print([l["url"] for l in d["link"] if l["relation"]=="next"][0])' "$O")
echo "GET next page                   $(req "$NEXT")  $(python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print("entries=",len(d.get("entry",[])),"links=",[l["relation"] for l in d["link"]])' "$O")  next=$NEXT"

echo "DELETE Patient/$ID              $(req -X DELETE "$B/Patient/$ID")"
echo "GET deleted Patient/$ID         $(req "$B/Patient/$ID")"
rm -f "$H" "$O"
