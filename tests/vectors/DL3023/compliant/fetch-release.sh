#!/bin/sh
# The release list is parsed by an inline python program across a line continuation; nothing downloaded is executed.
curl -fsSL \
    -H "Accept: application/vnd.github+json" \
    "https://api.github.com/repos/${GITHUB_REPOSITORY}/releases" |\
python3 -c "
import json, sys
print(json.load(sys.stdin)[0]['tag_name'])
" > latest.txt
usage() {
    echo "Or install with: curl -fsSL https://get.acme.dev/install.sh | bash"
}
