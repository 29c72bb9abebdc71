"""What is made from the staged pages and the data, before and after MkDocs."""
