# fixture-path: docs/tutorials/text_to_sql.py
# pii-literal-in-code under docs/ or tutorials/: sample rows are notes that say why.
# expect: pii-literal-in-code:note
rows = [{"receipt_id": 1, "customer_name": "Tomas Herrera", "price": 9.5}]
# ok: pii-literal-in-code
owner = {"author_email": "tomas.herrera@acme-corp.io"}
