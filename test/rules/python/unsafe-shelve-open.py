import shelve

# expect: unsafe-shelve-open
with shelve.open("cache/embeddings.db") as db:
    vectors = db["vectors"]
# expect: unsafe-shelve-open
store = shelve.DbfilenameShelf("state.db", flag="r")
# ok: unsafe-shelve-open
with open("cache/embeddings.json") as f:
    vectors = json.load(f)
