import pandas as pd
from pandas import read_pickle

# expect: unsafe-pandas-read-pickle
df = pd.read_pickle("data/features.pkl")
# expect: unsafe-pandas-read-pickle
lookup = read_pickle(s3_path, compression="gzip")
# ok: unsafe-pandas-read-pickle
df.to_pickle("data/features.pkl")
# ok: unsafe-pandas-read-pickle
df = pd.read_parquet("data/features.parquet")
# ok: unsafe-pandas-read-pickle
df = pd.read_csv("data/train.csv")
