# Printing or logging PII-named fields and columns; counts and unrelated fields stay quiet.
import logging
import pandas as pd

logger = logging.getLogger(__name__)
df = pd.read_csv("customers.csv")

# expect: pii-logged
print(df[["email", "ssn"]])
# expect: pii-logged
logger.info(user.email)
# expect: pii-logged
logging.warning(f"failed to bill {row['credit_card']}")
# expect: pii-logged
print(df["phone_number"].head())
# expect: pii-logged
self.log.debug("signup: " + customer.date_of_birth)
# expect: pii-logged
display(df[["full_name", "age"]])
# expect: pii-logged
print(email)

# ok: pii-logged
print(len(df["email"]))
# ok: pii-logged
print(df["email"].nunique())
# ok: pii-logged
logger.info("processed %d rows", len(df))
# ok: pii-logged
print(df[["age", "income"]])
# ok: pii-logged
print(user.id)
# ok: pii-logged
print(df)
# ok: pii-logged
df[["email", "ssn"]]
